import { Controller, Get, Header, Inject, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '#identity';
import { TakesAnyQuery } from '../query-parameters.js';
import { SIGN_IN_SETTINGS, type SignInSettings } from '../sign-in/sign-in.controller.js';
import { WEB_APP_OPTIONS, type WebAppOptions, readIndexHtml } from './web-app.js';

const NOT_BUILT = `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><title>Governance ledger</title></head>
<body><main><h1>Governance ledger</h1>
<p>The web app has not been built. Run <code>npm run build</code> (or <code>npm start</code>, which builds what changed), then reload.</p>
<p>The API is described at <a href="/api/docs">/api/docs</a>.</p></main></body></html>`;

/**
 * The web app (apps/ledger-web): its one page at `/` (the public register, no sign-in) and at every
 * path under `/app/` (the signed-in pages; the browser's router shows the right one). Its scripts
 * and styles are served from /assets/ (web-app.ts). The API's own routes never start with /app/ or
 * /assets/, so a page address can never be mistaken for an API call.
 */
@ApiExcludeController()
@Controller()
@TakesAnyQuery()
export class WebAppController {
  private readonly html: string;
  private readonly policy: string;

  constructor(@Inject(WEB_APP_OPTIONS) options: WebAppOptions, @Inject(SIGN_IN_SETTINGS) signIn: SignInSettings) {
    this.html = readIndexHtml(options) ?? NOT_BUILT;
    // The provider's discovery document and token endpoint are fetched by the browser (PKCE).
    const provider = signIn.issuer ? ` ${new URL(signIn.issuer).origin}` : '';
    this.policy = `default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'${provider}; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'`;
  }

  @Get(['', 'app', 'app/*'])
  @Public()
  @Header('content-type', 'text/html; charset=utf-8')
  @Header('cache-control', 'no-cache')
  page(@Res({ passthrough: true }) reply: FastifyReply): string {
    void reply.header('content-security-policy', this.policy);
    return this.html;
  }
}
