import { createHash } from 'node:crypto';
import { Controller, Get, Header } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '#identity';

/**
 * The landing page: what this is, the public register (no sign-in), and where the API is
 * described. Plain HTML and a few lines of script; everything shown is inserted as text.
 */
const PAGE = `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Governance ledger for police-to-police collaboration</title>
<style>
  body { font: 16px/1.5 system-ui, sans-serif; margin: 0; color: #0b0c0c; }
  header { background: #0b0c0c; color: #fff; padding: 1rem 2rem; }
  main { max-width: 60rem; padding: 1rem 2rem; }
  table { border-collapse: collapse; width: 100%; }
  th, td { text-align: left; padding: .4rem .6rem; border-bottom: 1px solid #b1b4b6; vertical-align: top; }
  .muted { color: #505a5f; }
  a { color: #1d70b8; }
</style>
</head>
<body>
<header><strong>Governance ledger</strong> — police-to-police collaboration under s22A Police Act 1996</header>
<main>
  <p>Every agreement, signature, variation, decision, risk-appetite change, leadership handover, benefit measurement
  and recommendation is recorded here as an immutable, tamper-evident event. Signed-in users read the national register,
  timelines as at any date, decision logs and trust indicators through the <a href="/api/docs">API</a>.</p>
  <p class="muted" id="health">Checking the ledger…</p>
  <h2>Public register</h2>
  <p class="muted">Published agreements, each only as far as its publication level allows (s23E).</p>
  <table><thead><tr><th>Collaboration</th><th>Parties</th><th>Lead force</th><th>Status</th><th>Published</th></tr></thead>
  <tbody id="register"><tr><td colspan="5" class="muted">Loading…</td></tr></tbody></table>
</main>
<script>
  const cell = (text) => { const td = document.createElement('td'); td.textContent = text ?? '—'; return td; };
  fetch('/health').then((r) => r.json()).then((h) => {
    document.getElementById('health').textContent = 'Ledger ' + h.status + ': ' + (h.info?.eventStore?.headPosition ?? 0) + ' events recorded.';
  }).catch(() => { document.getElementById('health').textContent = 'The ledger is not answering.'; });
  fetch('/public/register?limit=200').then((r) => r.json()).then(({ items }) => {
    const body = document.getElementById('register');
    body.replaceChildren();
    if (!items.length) { const tr = document.createElement('tr'); tr.append(cell('Nothing published yet.')); body.append(tr); return; }
    for (const item of items) {
      const tr = document.createElement('tr');
      tr.append(cell(item.name), cell((item.parties ?? []).join(', ')), cell(item.leadForce), cell(item.status),
        cell(item.publication + (item.reason ? ' — ' + item.reason : '')));
      body.append(tr);
    }
  });
</script>
</body>
</html>`;

/** The page's one inline script, allowed by its hash and nothing else (CSP level 2). */
const SCRIPT = /<script>([\s\S]*?)<\/script>/.exec(PAGE)![1]!;
const PAGE_POLICY = `default-src 'self'; script-src 'self' 'sha256-${createHash('sha256').update(SCRIPT).digest('base64')}'; style-src 'self' 'unsafe-inline'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'`;

@ApiExcludeController()
@Controller()
export class HomeController {
  @Get()
  @Public()
  @Header('content-type', 'text/html; charset=utf-8')
  @Header('content-security-policy', PAGE_POLICY)
  home(): string {
    return PAGE;
  }
}
