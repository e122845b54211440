export default async function globalTeardown() {
  await globalThis.__LEDGER_TEST_DATABASE__?.stop();
}
