// SPDX-License-Identifier: GPL-3.0-or-later
// OVH's own Node.js client (npm "ovh", pinned in package.json) against mailpost-sim over TLS on
// 127.0.0.2:443.  If the provider's client is accepted and a wrong secret is refused with the
// provider's error, the simulator checks the provider's signature scheme, not one of ours.
// Usage: node check-ovh-client.mjs SEED_FILE   (prints TAP)
import { readFileSync } from 'node:fs';
import makeOvh from 'ovh';

const seed = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const credential = seed.credentials.find((c) => c.state === 'validated' && c.consumer_key);
const expectedServices = seed.services.map((s) => s.domain);

let failures = 0;
let count = 0;
const plan = 4;
console.log(`1..${plan}`);

function report(ok, name, detail) {
  count += 1;
  if (!ok)
    failures += 1;
  console.log(`${ok ? 'ok' : 'not ok'} ${count} - ${name}`);
  if (!ok && detail)
    console.log(`# ${detail}`);
}

// The client reports only the HTTP status and message of an error; its debug hook shows the
// raw body, which carries the errorCode.
function client(appSecret, bodies) {
  return makeOvh({
    appKey: credential.application_key,
    appSecret,
    consumerKey: credential.consumer_key,
    host: '127.0.0.2',
    port: 443,
    basePath: '/1.0',
    timeout: 10000,
    debug: (...args) => {
      if (args[0] === '[OVH] API response to')
        bodies.push(args[args.length - 1]);
    },
  });
}

async function main() {
  const goodBodies = [];
  const good = client(credential.application_secret, goodBodies);
  try {
    const services = await good.requestPromised('GET', '/email/pro');
    report(JSON.stringify(services) === JSON.stringify(expectedServices),
           '/mailpost/external/ovh-node-client/lists-seed-services',
           `got ${JSON.stringify(services)}, expected ${JSON.stringify(expectedServices)}`);
  } catch (e) {
    report(false, '/mailpost/external/ovh-node-client/lists-seed-services', `error ${e.error}: ${e.message}`);
  }

  const badBodies = [];
  const bad = client('this-is-not-the-application-secret', badBodies);
  let error = null;
  try {
    await bad.requestPromised('GET', '/email/pro');
  } catch (e) {
    error = e;
  }
  report(error !== null && error.error === 400,
         '/mailpost/external/ovh-node-client/wrong-secret-is-http-400',
         `got ${error ? error.error : 'success'}`);
  report(error !== null && error.message === 'Invalid signature',
         '/mailpost/external/ovh-node-client/wrong-secret-message',
         `got ${error ? JSON.stringify(error.message) : 'success'}`);

  let body = null;
  try {
    body = JSON.parse(badBodies[badBodies.length - 1]);
  } catch (e) {
    body = null;
  }
  report(body !== null && body.errorCode === 'INVALID_SIGNATURE' && body.httpCode === '400 Bad Request',
         '/mailpost/external/ovh-node-client/wrong-secret-error-code',
         `got ${JSON.stringify(body)}`);
}

main().then(() => process.exit(failures === 0 ? 0 : 1),
            (e) => { console.log(`Bail out! ${e}`); process.exit(1); });
