import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { localCaRootFile, localCertificateAuthority } from '../../../shared/documents/signing/local-ca.ts';

const directory = mkdtempSync(join(tmpdir(), 'egov-local-ca-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

const leader = { sub: 'leader-hung', name: 'Vũ Mạnh Hùng', agencyName: 'Ủy ban nhân dân Phường Bắc Giang' };

describe('the local certificate authority kept on disk (npm start)', () => {
  it('writes its root as a PEM file a leader’s chain verifies against (as openssl verify -CAfile would)', async () => {
    const ca = localCertificateAuthority({ directory });
    const { certificate, chain } = await ca.certificateFor(leader);
    const root = readFileSync(join(directory, localCaRootFile), 'utf8');
    expect(root).toMatch(/^-----BEGIN CERTIFICATE-----/);
    // OpenSSL (through node:crypto) reads each certificate and checks each link: names and signature.
    const path = [certificate, ...chain.filter((pem) => pem.trim() !== root.trim()), root].map(
      (pem) => new X509Certificate(pem),
    );
    path.slice(0, -1).forEach((cert, i) => {
      const issuer = path[i + 1] as X509Certificate;
      expect(issuer.ca).toBe(true);
      expect(cert.checkIssued(issuer)).toBe(true);
      expect(cert.verify(issuer.publicKey)).toBe(true);
    });
    expect(path[0]?.ca).toBe(false);
    expect(path[0]?.subject).toBe('C=VN\nO=Ủy ban nhân dân Phường Bắc Giang\nCN=Vũ Mạnh Hùng');
  });

  it('writes it again for a CA kept from before the file existed', () => {
    rmSync(join(directory, localCaRootFile));
    localCertificateAuthority({ directory }).state();
    expect(readFileSync(join(directory, localCaRootFile), 'utf8')).toMatch(/BEGIN CERTIFICATE/);
  });
});
