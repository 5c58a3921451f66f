import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { ConfigError, loadConfig, trustProxyFrom } from '../src/config.js';
import { startGateway } from '../../../test/harness/gateway-process.js';

describe('config: token rate limits and PAY_TRUST_PROXY', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'gateway-config-'));
  after(() => rmSync(dataDir, { recursive: true, force: true }));
  const load = (env: Record<string, string>) =>
    loadConfig({ DATA_DIR: dataDir, PAY_DATA_KEY: randomBytes(32).toString('base64'), ...env });

  it('defaults: 100 per address, ten times that per merchant, no proxy trusted', () => {
    const config = load({});
    assert.equal(config.tokenRateLimit, 100);
    assert.equal(config.tokenRateLimitPerMerchant, 1000);
    assert.equal(config.trustProxy, false);
  });

  it('PAY_TOKEN_RATE_LIMIT is per address; the merchant budget follows unless set', () => {
    assert.equal(load({ PAY_TOKEN_RATE_LIMIT: '7' }).tokenRateLimitPerMerchant, 70);
    const both = load({ PAY_TOKEN_RATE_LIMIT: '7', PAY_TOKEN_RATE_LIMIT_PER_MERCHANT: '30' });
    assert.equal(both.tokenRateLimit, 7);
    assert.equal(both.tokenRateLimitPerMerchant, 30);
  });

  it('refuses limits that are not whole numbers of at least 1', () => {
    for (const name of ['PAY_TOKEN_RATE_LIMIT', 'PAY_TOKEN_RATE_LIMIT_PER_MERCHANT']) {
      for (const value of ['0', '-1', '1.5', 'many']) {
        assert.throws(() => load({ [name]: value }), ConfigError, `${name}=${value}`);
      }
    }
  });

  it('PORT and PAY_NETWORK_LATENCY_MS take 0 (the system picks a port; no latency), nothing below or beyond', () => {
    assert.equal(load({ PORT: '0' }).port, 0);
    assert.equal(load({ PORT: '65535' }).port, 65535);
    assert.equal(load({ PAY_NETWORK_LATENCY_MS: '0' }).networkLatencyMs, 0);
    for (const value of ['-1', '1.5', 'http', '65536'])
      assert.throws(() => load({ PORT: value }), ConfigError, `PORT=${value}`);
    for (const value of ['-1', '0.5', 'slow'])
      assert.throws(
        () => load({ PAY_NETWORK_LATENCY_MS: value }),
        ConfigError,
        `PAY_NETWORK_LATENCY_MS=${value}`,
      );
  });

  it('PAY_TRUST_PROXY: true/false or the proxies as addresses, CIDRs and named ranges', () => {
    assert.equal(trustProxyFrom(undefined), false);
    assert.equal(trustProxyFrom(''), false);
    assert.equal(trustProxyFrom('false'), false);
    assert.equal(trustProxyFrom('TRUE'), true);
    assert.deepEqual(trustProxyFrom('10.0.0.1'), ['10.0.0.1']);
    assert.deepEqual(trustProxyFrom(' 10.0.0.0/8, 2001:db8::/32 ,loopback'), [
      '10.0.0.0/8',
      '2001:db8::/32',
      'loopback',
    ]);
    assert.deepEqual(trustProxyFrom('192.168.0.0/255.255.0.0,::1'), [
      '192.168.0.0/255.255.0.0',
      '::1',
    ]);
    assert.deepEqual(load({ PAY_TRUST_PROXY: 'uniquelocal' }).trustProxy, ['uniquelocal']);
  });

  it('PAY_TRUST_PROXY: refuses hop counts (Fastify 5 ignores them) and anything malformed', () => {
    for (const value of [
      '1',
      '2',
      'yes',
      '10.0.0.0/33',
      '2001:db8::/129',
      '10.0.0.0/8/8',
      '10.0.0.1,',
      'proxy.example',
    ]) {
      assert.throws(() => trustProxyFrom(value), ConfigError, value);
    }
  });

  it('main.ts passes both limits and the trusted proxy to the server', async () => {
    const gw = await startGateway({
      dataDir: mkdtempSync(join(dataDir, 'child-')),
      host: '127.0.0.1',
      env: {
        PAY_SEED_PUBLISHABLE_KEY: 'pk_test_config',
        PAY_TOKEN_RATE_LIMIT: '2',
        PAY_TOKEN_RATE_LIMIT_PER_MERCHANT: '3',
        PAY_TRUST_PROXY: '127.0.0.1',
        LOG_LEVEL: 'warn',
      },
    });
    try {
      const from = async (client: string) =>
        (
          await fetch(`${gw.url}/v1/tokens`, {
            method: 'POST',
            headers: {
              authorization: 'Bearer pk_test_config',
              'content-type': 'application/json',
              'x-forwarded-for': client,
            },
            body: JSON.stringify({
              card: { number: '4242424242424242', exp_month: 12, exp_year: 2040, cvc: '123' },
            }),
          })
        ).status;
      const answers = [];
      for (const client of ['192.0.2.1', '192.0.2.1', '192.0.2.1', '192.0.2.2', '192.0.2.3']) {
        answers.push(await from(client));
      }
      // Two from the first client (its address budget), one more from the next (the
      // merchant's budget of three), then nothing for anyone.
      assert.deepEqual(answers, [201, 201, 429, 201, 429]);
    } finally {
      await gw.stop();
    }
  });

  it('main.ts stops with a clear message on a bad PAY_TRUST_PROXY', async () => {
    await assert.rejects(
      startGateway({ dataDir: mkdtempSync(join(dataDir, 'bad-')), env: { PAY_TRUST_PROXY: '3' } }),
      /PAY_TRUST_PROXY: a hop count is not supported/,
    );
  });
});
