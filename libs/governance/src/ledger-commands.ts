import { type DynamicModule, Global, Inject, Injectable, Module } from '@nestjs/common';
import { Command, CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '#event-store';
import type { Aggregate } from './aggregate.js';
import type { CommandScope } from './command-route.js';
import { type CommandOutcome, type CommandPolicy, type CommandRequest, runCommand } from './command-runner.js';
import type { AnyCommand, DomainEvent } from './decider.js';
import { type CommandAccepted, created } from './http.js';

// An aggregate of any shape: the runner is generic in it, the bus is not.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyAggregate = Aggregate<any, any, DomainEvent, any>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AggregateOf<Command extends AnyCommand> = Aggregate<any, Command, any, any>;

/** Every command of every aggregate travels on the CQRS bus as this one message: the aggregate, the command, its context. */
export class ExecuteCommand extends Command<CommandOutcome> {
  constructor(
    readonly aggregate: AnyAggregate,
    readonly request: CommandRequest<AnyCommand>,
  ) {
    super();
  }
}

/** The command runner's policy (the back-dating window), from the app's configuration. */
export const COMMAND_POLICY = Symbol.for('governance-ledger.CommandPolicy');

/** Provides the command policy to the one command handler, wherever GovernanceModule is imported. */
@Global()
@Module({})
export class CommandPolicyModule {
  static forRoot(policy: CommandPolicy): DynamicModule {
    return { module: CommandPolicyModule, providers: [{ provide: COMMAND_POLICY, useValue: policy }], exports: [COMMAND_POLICY] };
  }
}

/** The one command handler: load, judge, decide, append (command-runner.ts). */
@CommandHandler(ExecuteCommand)
export class ExecuteCommandHandler implements ICommandHandler<ExecuteCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(COMMAND_POLICY) private readonly policy: CommandPolicy,
  ) {}

  execute({ aggregate, request }: ExecuteCommand): Promise<CommandOutcome> {
    return runCommand(this.store, aggregate, request, this.policy);
  }
}

/** What a command route does once it has built its command: send it, answer 201 with the new version. */
@Injectable()
export class LedgerCommands {
  constructor(private readonly bus: CommandBus) {}

  /** Runs a command for a caller that is not an HTTP route (the demo history, the generator). */
  execute<Command extends AnyCommand>(aggregate: AggregateOf<Command>, request: CommandRequest<Command>): Promise<CommandOutcome> {
    return this.bus.execute(new ExecuteCommand(aggregate, request));
  }

  async run<Command extends AnyCommand>(aggregate: AggregateOf<Command>, command: Command, scope: CommandScope): Promise<CommandAccepted> {
    const outcome = await this.execute(aggregate, { command, context: scope.context, expectedVersion: scope.expectedVersion, idempotency: scope.idempotency });
    return created(scope.reply, outcome, aggregate.location(command));
  }
}
