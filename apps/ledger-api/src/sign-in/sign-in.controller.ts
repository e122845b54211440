import { Body, Controller, Get, HttpCode, Inject, Optional, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { IsNull, type DataSource } from 'typeorm';
import { ApiProblems, FORCE_CODES, forceByCode } from '#governance';
import { Public, TokenVerifier } from '#identity';
import { OfficeTenure, READ_MODEL_DATABASE, RegisterEntry } from '#read-models';
import { LedgerError, ROLES, type Principal, type Role } from '#shared-kernel';

/** How the web app signs people in: the OIDC provider's details, or the local issuer's demo sign-in. */
export const SIGN_IN_SETTINGS = Symbol.for('governance-ledger.SignInSettings');
export interface SignInSettings {
  /** OIDC_ISSUER; unset: the local issuer (demo sign-in). */
  issuer?: string;
  /** OIDC_CLIENT_ID: the web app's public client at the provider (authorization code with PKCE). */
  clientId?: string;
  audience: string;
}

export class OidcSignInView {
  @ApiProperty({ example: 'https://login.example.police.uk/realms/ledger' }) issuer!: string;
  @ApiProperty({ type: String, nullable: true, description: 'The web app’s public client id (OIDC_CLIENT_ID); null: the web app cannot sign in until it is set' }) clientId!: string | null;
  @ApiProperty({ example: 'openid profile' }) scope!: string;
  @ApiProperty({ example: 'governance-ledger', description: 'The audience the ledger requires access tokens to name' }) audience!: string;
}

export class SignInOptionsView {
  @ApiProperty({ enum: ['demo', 'oidc'], description: 'demo: the local issuer signs people in by choosing a demo office holder; oidc: your identity provider, authorization code with PKCE' })
  mode!: 'demo' | 'oidc';
  @ApiPropertyOptional({ type: OidcSignInView }) oidc?: OidcSignInView;
}

export class DemoPersonView {
  @ApiProperty({ enum: ROLES }) role!: string;
  @ApiProperty({ type: String, nullable: true, description: 'The force acted for; null for auditors and registrars' }) force!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'Dorset' }) forceName!: string | null;
  @ApiProperty({ example: 'Chief Constable of Dorset (illustrative)' }) name!: string;
  @ApiProperty({ example: 'Chief constable of Dorset', description: 'What the person acts as, in words' }) actsAs!: string;
  @ApiProperty({ enum: ['office-holder', 'demo-role'], description: 'office-holder: the current holder of the office in the record; demo-role: a role the demo provides (collaboration managers of lead forces, an auditor, a registrar)' })
  source!: string;
}

export class DemoPeopleView {
  @ApiProperty({ description: 'Always true: these people are the demo’s, for trying the ledger; never a real sign-in' }) demo!: boolean;
  @ApiProperty({ type: [DemoPersonView] }) people!: DemoPersonView[];
}

export class DemoSignInRequest {
  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role!: Role;

  @ApiPropertyOptional({ enum: FORCE_CODES, description: 'The force acted for (chief officers, policing bodies and collaboration managers)' })
  @IsOptional()
  @IsIn(FORCE_CODES)
  force?: string;
}

export class DemoTokenView {
  @ApiProperty({ description: 'A bearer token from the local issuer, valid for eight hours' }) accessToken!: string;
  @ApiProperty({ example: 28800 }) expiresIn!: number;
  @ApiProperty() personId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ROLES }) role!: string;
  @ApiPropertyOptional() force?: string;
}

const TOKEN_TTL_SECONDS = 8 * 3600;
const AUDITOR: Principal = { personId: 'demo-auditor', name: 'Auditor (demo)', role: 'auditor' };
const REGISTRAR: Principal = { personId: 'demo-registrar', name: 'National registrar (demo)', role: 'registrar' };
const managerOf = (force: string): Principal => ({ personId: `demo-cm-${force}`, name: `Collaboration manager, ${forceByCode(force)?.name ?? force} (demo)`, role: 'collaboration-manager', force });

/**
 * Signing in to the web app. With OIDC configured, the web app runs the authorization-code flow
 * with PKCE against the provider itself and only needs to know where it is. With the local issuer
 * (no OIDC_ISSUER), a demo sign-in: choose one of the demo's office holders, read from the record
 * (the office-holders read model), or a demo collaboration manager, auditor or registrar, and the
 * local issuer signs a token for them. With OIDC configured the demo routes refuse (404
 * DemoSignInUnavailable): no one can mint a token for someone else.
 */
@ApiTags('identity')
@Controller('sign-in')
export class SignInController {
  constructor(
    private readonly verifier: TokenVerifier,
    @Inject(READ_MODEL_DATABASE) private readonly db: DataSource,
    @Optional() @Inject(SIGN_IN_SETTINGS) private readonly settings?: SignInSettings,
  ) {}

  @Get('options')
  @Public()
  @ApiOperation({ summary: 'How to sign in to the web app: the demo sign-in (local issuer) or your identity provider (OIDC, authorization code with PKCE)' })
  @ApiOkResponse({ type: SignInOptionsView })
  options(): SignInOptionsView {
    if (this.verifier.localIssuer || !this.settings?.issuer) return { mode: 'demo' };
    return { mode: 'oidc', oidc: { issuer: this.settings.issuer, clientId: this.settings.clientId ?? null, scope: 'openid profile', audience: this.settings.audience } };
  }

  @Get('demo/people')
  @Public()
  @ApiOperation({ summary: 'Demo only (local issuer): the people one can sign in as — each force’s current chief officer and policing body from the record, a collaboration manager of each lead force, an auditor and a registrar' })
  @ApiOkResponse({ type: DemoPeopleView })
  @ApiProblems(404)
  async people(): Promise<DemoPeopleView> {
    this.demoOnly();
    const holders = await this.db.getRepository(OfficeTenure).find({ where: { heldTo: IsNull() }, order: { forceCode: 'ASC', office: 'ASC' } });
    const leads = await this.db.getRepository(RegisterEntry).createQueryBuilder('entry').select('DISTINCT entry.leadForce', 'leadForce').orderBy('entry.leadForce').getRawMany<{ leadForce: string }>();
    const forceName = (code: string) => forceByCode(code)?.name ?? code;
    const people: DemoPersonView[] = holders.map((h) => ({
      role: h.office,
      force: h.forceCode,
      forceName: forceName(h.forceCode),
      name: h.name,
      actsAs: h.office === 'chief-officer' ? `Chief officer of ${forceName(h.forceCode)}${h.basis === 'acting' ? ' (acting)' : ''}` : (forceByCode(h.forceCode)?.policingBody ?? `Policing body of ${forceName(h.forceCode)}`),
      source: 'office-holder',
    }));
    for (const { leadForce } of leads) {
      const manager = managerOf(leadForce);
      people.push({ role: manager.role, force: leadForce, forceName: forceName(leadForce), name: manager.name, actsAs: `Collaboration manager, ${forceName(leadForce)}`, source: 'demo-role' });
    }
    for (const other of [AUDITOR, REGISTRAR]) people.push({ role: other.role, force: null, forceName: null, name: other.name, actsAs: other.role === 'auditor' ? 'Auditor: reads everything, changes nothing' : 'National registrar: keeps the register of office holders', source: 'demo-role' });
    return { demo: true, people };
  }

  @Post('demo')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Demo only (local issuer): a token for the current holder of an office (role and force), or for a demo collaboration manager, auditor or registrar' })
  @ApiOkResponse({ type: DemoTokenView })
  @ApiProblems(400, 404)
  async signIn(@Body() body: DemoSignInRequest): Promise<DemoTokenView> {
    const issuer = this.demoOnly();
    const principal = await this.principalFor(body);
    const accessToken = await issuer.mint(principal, { ttlSeconds: TOKEN_TTL_SECONDS, audience: this.settings?.audience });
    return { accessToken, expiresIn: TOKEN_TTL_SECONDS, personId: principal.personId, name: principal.name, role: principal.role, ...(principal.force ? { force: principal.force } : {}) };
  }

  private demoOnly() {
    const issuer = this.verifier.localIssuer;
    if (!issuer) {
      throw new LedgerError('DemoSignInUnavailable', 'not-found', 'The demo sign-in exists only with the local issuer; this ledger signs people in through its identity provider (OIDC).');
    }
    return issuer;
  }

  private async principalFor({ role, force }: DemoSignInRequest): Promise<Principal> {
    if (role === 'auditor') return AUDITOR;
    if (role === 'registrar') return REGISTRAR;
    if (!force) throw new LedgerError('ValidationFailed', 'invalid', `A ${role} acts for a force: name it.`, { errors: [{ field: 'force', problems: ['force is required for this role'] }] });
    if (role === 'collaboration-manager') return managerOf(force);
    const holder = await this.db.getRepository(OfficeTenure).findOneBy({ forceCode: force, office: role, heldTo: IsNull() });
    if (!holder) throw new LedgerError('DemoPersonNotFound', 'not-found', `No one holds the ${role} office of ${forceByCode(force)?.name ?? force} in the record, so there is no one to sign in as.`, { force, office: role });
    return { personId: holder.personId, name: holder.name, role, force };
  }
}
