// The configuration is read once, validated, and a bad value names its variable (Vietnamese, English).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ConfigError, loadConfig } from './config.ts';

describe('configuration', () => {
  test('defaults: loopback, port 3000, SQLite in ./data, proxies not trusted, metrics on without a token', () => {
    const c = loadConfig({});
    assert.equal(c.host, '127.0.0.1');
    assert.equal(c.port, 3000);
    assert.equal(c.store.kind, 'sqlite');
    assert.match(c.store.url, /data\/congthuong\.db$/);
    assert.equal(c.store.poolSize, 10);
    assert.deepEqual(c.ops, { trustProxy: false, metricsEnabled: true, metricsToken: null, webBuild: 'auto' });
  });

  test('TRUST_PROXY: true, a hop count, or a list of addresses and ranges', () => {
    assert.equal(loadConfig({ TRUST_PROXY: 'true' }).ops.trustProxy, true);
    assert.equal(loadConfig({ TRUST_PROXY: '1' }).ops.trustProxy, 1);
    assert.deepEqual(loadConfig({ TRUST_PROXY: '127.0.0.1, 10.0.0.0/8' }).ops.trustProxy, ['127.0.0.1', '10.0.0.0/8']);
    assert.deepEqual(loadConfig({ TRUST_PROXY: 'loopback' }).ops.trustProxy, ['loopback']);
  });

  test('PostgreSQL URLs select PostgreSQL, with the pool size', () => {
    const c = loadConfig({ DATABASE_URL: 'postgres://u@db:5432/ct', PG_POOL_SIZE: '25' });
    assert.deepEqual(c.store, { kind: 'postgres', url: 'postgres://u@db:5432/ct', poolSize: 25 });
  });

  for (const [name, value] of [
    ['PORT', '70000'], ['LOG_LEVEL', 'loud'], ['TRUST_PROXY', 'everyone'], ['METRICS_TOKEN', 'short'],
    ['METRICS_ENABLED', 'yes'], ['WEB_BUILD', 'sometimes'], ['PG_POOL_SIZE', '0'], ['SESSION_TTL_HOURS', '-1'],
    ['SIGN_IN_RATE_MAX', 'many'], ['SIGN_IN_LOCK_AFTER', '0'],
  ] as const) {
    test(`a bad ${name} stops the start and names the variable`, () => {
      assert.throws(() => loadConfig({ [name]: value }), (e: unknown) =>
        e instanceof ConfigError && e.message.startsWith('Cấu hình không hợp lệ / Invalid configuration') && e.message.includes(`${name}:`));
    });
  }
});
