#!/usr/bin/env bash
# `npm test`: every check the project has, in the order a failure is cheapest to find.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-browsers.sh
npm run build
npm run lint
npm run typecheck
npm run size
npm run test:install
npm run test:wrappers
npm run bench -- --quick
npm run test:gateway
npm run test:components
npm run test:node24
npm run test:fields
npm run test:engines
npm test -w @pay/demo
npm run test:e2e
npm run test:security
