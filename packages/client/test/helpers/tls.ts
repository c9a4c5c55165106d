// https on 127.0.0.1 for the tests: a self-signed certificate made in the test run (selfsigned, an
// EC P-256 key: about 0.1 s) and trusted by this test process only, through Node's default CA list
// (tls.setDefaultCACertificates), which both fetch and node:https read. Nothing is written to disk
// and no other process trusts it.
import { getCACertificates, setDefaultCACertificates } from 'node:tls';
import { generate } from 'selfsigned';
import { afterEach, beforeAll } from 'vitest';
import { type Handler, startServer, type TestServer } from './server.ts';

export interface TlsIdentity {
  key: string;
  cert: string;
}

let made: Promise<TlsIdentity> | undefined;

/** One certificate for 127.0.0.1 per test process, added to the CAs this process trusts. */
function trustedLoopbackCert(): Promise<TlsIdentity> {
  made ??= (async () => {
    const pems = await generate([{ name: 'commonName', value: '127.0.0.1' }], {
      keyType: 'ec',
      curve: 'P-256',
      notAfterDate: new Date(Date.now() + 86_400_000),
      extensions: [{ name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] }],
    });
    setDefaultCACertificates([...getCACertificates('default'), pems.cert]);
    return { key: pems.private, cert: pems.cert };
  })();
  return made;
}

/**
 * Servers made inside a test, plain http or https (the certificate above), all closed after it:
 * `serve(true, handler)` for https.
 */
export function useServers(): (secure: boolean, handler?: Handler) => Promise<TestServer> {
  let identity: TlsIdentity | undefined;
  const open: TestServer[] = [];
  beforeAll(async () => {
    identity = await trustedLoopbackCert();
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((s) => s.close()));
  });
  return async (secure, handler) => {
    const s = await startServer(handler, secure ? { tls: identity } : {});
    open.push(s);
    return s;
  };
}
