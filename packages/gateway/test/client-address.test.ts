import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addressBucket } from '../src/client-address.js';

describe('addressBucket (the client address a token request is counted under)', () => {
  it('keeps an IPv4 address as it is', () => {
    assert.equal(addressBucket('203.0.113.7'), '203.0.113.7');
    assert.notEqual(addressBucket('203.0.113.7'), addressBucket('203.0.113.8'));
  });

  it('groups IPv6 addresses by /64, whatever their spelling', () => {
    const bucket = addressBucket('2001:db8:1:2::1');
    assert.equal(bucket, '2001:db8:1:2::/64');
    for (const same of [
      '2001:db8:1:2:ffff:ffff:ffff:ffff',
      '2001:0db8:0001:0002:0000:0000:0000:0009',
      '2001:DB8:1:2::abcd',
      '2001:db8:1:2:1:2:3.4.5.6',
      '2001:db8:1:2::1%eth0',
    ]) {
      assert.equal(addressBucket(same), bucket, same);
    }
    assert.notEqual(addressBucket('2001:db8:1:3::1'), bucket);
    assert.equal(addressBucket('::1'), '0:0:0:0::/64');
    assert.equal(addressBucket('2001:db8::'), '2001:db8:0:0::/64');
    assert.equal(addressBucket('1:2:3:4:5:6:7::'), '1:2:3:4::/64');
  });

  it('treats an IPv4-mapped IPv6 address as its IPv4 address', () => {
    assert.equal(addressBucket('::ffff:192.0.2.1'), '192.0.2.1');
    assert.equal(addressBucket('::FFFF:192.0.2.1'), '192.0.2.1');
    assert.equal(addressBucket('::ffff:c000:201'), '192.0.2.1');
    assert.equal(addressBucket('0:0:0:0:0:ffff:192.0.2.1'), '192.0.2.1');
    // Not mapped: an ordinary IPv6 /64 that happens to hold ffff.
    assert.equal(addressBucket('1::ffff:192.0.2.1'), '1:0:0:0::/64');
  });

  it('names anything else by a bounded prefix, never throwing', () => {
    assert.equal(addressBucket(undefined), '');
    assert.equal(addressBucket('unknown'), 'other:unknown');
    assert.equal(addressBucket('x'.repeat(10_000)).length, 'other:'.length + 64);
  });
});
