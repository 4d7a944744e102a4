// A self-signed certificate for all test host names, made at test time (nothing secret is committed).
import selfsigned from 'selfsigned';

export async function makeCertificate(hosts: string[]): Promise<{ key: string; cert: string }> {
  const pems = await selfsigned.generate([{ name: 'commonName', value: hosts[0]! }], {
    keyType: 'ec',
    algorithm: 'sha256',
    extensions: [{ name: 'subjectAltName', altNames: hosts.map((h) => ({ type: 2, value: h })) }],
  });
  return { key: pems.private, cert: pems.cert };
}
