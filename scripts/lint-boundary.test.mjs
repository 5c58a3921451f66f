// The trust boundary is a lint error, not a convention: each import across it below must be
// reported by ESLint's `import-x/no-restricted-paths` (eslint.config.js), and the imports the
// page's code really makes must not. Files are linted as text at paths inside each package, so
// nothing is written to the tree.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ESLint } from 'eslint';

const eslint = new ESLint();

async function boundaryErrors(filePath, code) {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages
    .filter((m) => m.ruleId === 'import-x/no-restricted-paths')
    .map((m) => m.message);
}

const crossings = [
  [
    'packages/host/src/boundary-probe.ts',
    "import { GROUP_NAMESPACE } from '@pay/protocol/gateway';",
  ],
  [
    'packages/host/src/boundary-probe.ts',
    "import type { CardBody } from '@pay/protocol/gateway/card-body';",
  ],
  [
    'packages/host/src/boundary-probe.ts',
    "import { cvcLengths } from '../../protocol/src/gateway/card-rules.js';",
  ],
  [
    'packages/host/src/boundary-probe.ts',
    "import { PayCardForm } from '../../frame/src/components/card-form.js';",
  ],
  [
    'packages/react/src/boundary-probe.ts',
    "import { coBadgedNetworks } from '@pay/protocol/gateway';",
  ],
  [
    'packages/vue/src/boundary-probe.ts',
    "import type { GroupMessage } from '@pay/protocol/gateway';",
  ],
  [
    'demo/src/boundary-probe.ts',
    "import { TokenAnswerSchema } from '@pay/protocol/gateway/token-answer';",
  ],
  ['demo/server/boundary-probe.ts', "import { CardBodySchema } from '@pay/protocol/gateway';"],
  [
    'packages/protocol/src/boundary-probe.ts',
    "import { isGroupMessage } from './gateway/group-messages.js';",
  ],
];

const allowed = [
  ['packages/host/src/boundary-probe.ts', "import { openPeer, frameUrl } from '@pay/protocol';"],
  [
    'packages/frame/src/boundary-probe.ts',
    "import { GROUP_NAMESPACE } from '@pay/protocol/gateway';",
  ],
  [
    'packages/gateway/src/boundary-probe.ts',
    "import { CardBodySchema } from '@pay/protocol/gateway';",
  ],
  [
    'packages/protocol/src/gateway/boundary-probe.ts',
    "import { CARD_BRANDS } from '../card-brands.js';",
  ],
];

describe('the trust boundary in lint', () => {
  for (const [file, code] of crossings)
    it(`refuses in ${file}: ${code}`, async () => {
      const errors = await boundaryErrors(file, `${code}\nexport {};\n`);
      assert.equal(errors.length, 1, `expected one boundary error, got ${JSON.stringify(errors)}`);
    });
  for (const [file, code] of allowed)
    it(`allows in ${file}: ${code}`, async () => {
      assert.deepEqual(await boundaryErrors(file, `${code}\nexport {};\n`), []);
    });
});
