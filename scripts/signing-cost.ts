/**
 * `npx tsx scripts/signing-cost.ts [--signers=300] [--agencies=120] [--results=1200000] [--vnd-per-usd=26000]`:
 * the yearly cost of signing a province's results with AWS KMS keys (SIGNER=kms) and with a CA's
 * remote signing service (SIGNER=csc), as a markdown table. Each result is signed twice: by the
 * deciding leader and by the agency's organisation certificate (shared/use-cases/documents/sign-result.ts).
 *
 * Sources, and what is only assumed:
 * Certificates are counted apart from the signing service in every row (the list prices them apart).
 * - KMS: US$1 per customer managed key and month, and US$0.03 per 10,000 RSA_2048 Sign requests
 *   (https://aws.amazon.com/kms/pricing/, the figure tests/bench/prices.ts uses; no free tier counted).
 *   The certificate a licensed CA must still issue for each KMS key is not counted.
 * - CSC: the list prices published by one Vietnamese CA reseller (https://vimass.vn/chukyso, read for this
 *   script): a personal certificate 200,000 ₫ a year, an organisation certificate 430,000 ₫ a year, remote
 *   signing "không quá 200 lần / năm" 396,000 ₫ a signer, and per-signature prices by yearly volume, down to
 *   500 ₫ above 1,000,000 signatures a year. VNPT SmartCA's and Viettel MySign's government contracts are
 *   negotiated: ASSUMED here, an unlimited yearly package of 1,800,000 ₫ a signer, to be replaced by a quote.
 * - ASSUMED: 1,200,000 results a year (about 4,800 a working day for a province of some 3.5 million
 *   people), 120 agencies with an organisation certificate (99 communes and wards, about 20 departments),
 *   26,000 ₫ to the US dollar.
 */
const args = Object.fromEntries(
  process.argv.slice(2).map((a) => {
    const [key, value] = a.replace(/^--/, '').split('=');
    return [key, Number(value)];
  }),
) as Record<string, number>;

const signers = args.signers ?? 300;
const agencies = args.agencies ?? 120;
const results = args.results ?? 1_200_000;
const vndPerUsd = args['vnd-per-usd'] ?? 26_000;
const signatures = results * 2;
const perSigner = Math.round(signatures / 2 / signers);

const kms = { keyMonth: 1, perSign: 0.03 / 10_000 };
const vnd = {
  personalCertificateYear: 200_000,
  organisationCertificateYear: 430_000,
  remote200PerYear: 396_000,
  /** Per signature, by the year's volume (the lowest tier the volume reaches). */
  perSignature: [
    { from: 1_000_000, price: 500 },
    { from: 100_000, price: 1_000 },
    { from: 10_000, price: 2_000 },
    { from: 1_000, price: 3_000 },
    { from: 0, price: 4_000 },
  ],
  assumedUnlimitedYear: 1_800_000,
};

const usd = (amount: number) => `US$${Math.round(amount).toLocaleString('en-US')}`;
const fromVnd = (amount: number) => amount / vndPerUsd;
const certificates = fromVnd(signers * vnd.personalCertificateYear + agencies * vnd.organisationCertificateYear);

const kmsKeys = (signers + agencies) * kms.keyMonth * 12;
const kmsSigns = signatures * kms.perSign;
const tier = vnd.perSignature.find((t) => signatures >= t.from) ?? { price: 4_000 };
const perSignature = fromVnd(signatures * tier.price);
const perAgency = Math.round(results / agencies);
const packages = signers * Math.ceil(perSigner / 200) + agencies * Math.ceil(perAgency / 200);
const cappedPackages = fromVnd(packages * vnd.remote200PerYear);
const unlimited = fromVnd((signers + agencies) * vnd.assumedUnlimitedYear);

const rows: [string, string, string][] = [
  [
    'AWS KMS (SIGNER=kms)',
    `${signers + agencies} keys × US$1 × 12 = ${usd(kmsKeys)}; ${signatures.toLocaleString('en-US')} Sign × US$0.03/10,000 = ${usd(kmsSigns)}`,
    `${usd(kmsKeys + kmsSigns)}; ${usd(kmsKeys + kmsSigns + certificates)} with certificates at the listed prices (ASSUMED: a CA certifies a KMS-held key)`,
  ],
  [
    'CSC, per signature (listed tiers)',
    `${signatures.toLocaleString('en-US')} × ${tier.price} ₫ = ${usd(perSignature)}; certificates ${usd(certificates)}`,
    usd(perSignature + certificates),
  ],
  [
    'CSC, 200-signature packages (listed)',
    `${perSigner.toLocaleString('en-US')} signatures a leader, ${perAgency.toLocaleString('en-US')} an agency → ${packages.toLocaleString('en-US')} packages × 396,000 ₫; certificates ${usd(certificates)}`,
    usd(cappedPackages + certificates),
  ],
  [
    'CSC, unlimited yearly package (ASSUMED price)',
    `${signers + agencies} × 1,800,000 ₫; certificates ${usd(certificates)}`,
    usd(unlimited + certificates),
  ],
];

console.log(
  `Signing cost a year: ${signers} signers, ${agencies} organisation certificates, ${results.toLocaleString('en-US')} results (${signatures.toLocaleString('en-US')} signatures), ${vndPerUsd.toLocaleString('en-US')} ₫/US$\n`,
);
console.log('| Signer | How it adds up | A year |');
console.log('| --- | --- | --- |');
for (const [what, how, total] of rows) console.log(`| ${what} | ${how} | ${total} |`);
