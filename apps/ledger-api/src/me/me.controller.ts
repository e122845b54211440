import { Controller, Get } from '@nestjs/common';
import { CurrentPrincipal } from '#identity';
import type { Principal } from '#shared-kernel';

@Controller('me')
export class MeController {
  /** Who the bearer token says you are: person, role and the force you act for. */
  @Get()
  me(@CurrentPrincipal() principal: Principal): Principal {
    return principal;
  }
}
