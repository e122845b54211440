import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '#governance';
import { CurrentPrincipal } from '#identity';
import { ROLES, type Principal } from '#shared-kernel';

export class PrincipalView {
  @ApiProperty() personId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ROLES }) role!: string;
  @ApiPropertyOptional({ description: 'The force acted for; auditors and registrars act for none' }) force?: string;
}

@ApiTags('identity')
@ApiBearerAuth()
@Controller('me')
export class MeController {
  /** Who the bearer token says you are: person, role and the force you act for. */
  @Get()
  @ApiOkResponse({ type: PrincipalView })
  @ApiProblems(401)
  me(@CurrentPrincipal() principal: Principal): Principal {
    return principal;
  }
}
