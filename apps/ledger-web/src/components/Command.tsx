import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, createContext, useContext, useId, useState } from 'react';
import { ProblemMessage } from './Feedback';
import { useFlash } from './Layout';

/**
 * One act on the ledger: a button (or a form's submit) that sends a command with the version the
 * page was read at (If-Match). On success every query is read again; on a conflict (412/409) the
 * person is told it changed since they opened it and to reload — the web app never retries or
 * overwrites. `done` says what happened, in words.
 */
export function useCommand<Variables = void>(send: (variables: Variables) => Promise<unknown>, done: string) {
  const client = useQueryClient();
  const flash = useFlash();
  const [message, setMessage] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: send,
    onSuccess: async () => {
      setMessage(done);
      flash(done);
      await client.invalidateQueries();
    },
    onError: () => setMessage(null),
  });
  return { run: (variables: Variables) => mutation.mutate(variables), pending: mutation.isPending, error: mutation.error, message, succeeded: mutation.isSuccess };
}

export function CommandButton({ label, send, done, tone = 'primary', describedBy }: { label: string; send: () => Promise<unknown>; done: string; tone?: 'primary' | 'secondary' | 'warning'; describedBy?: string }) {
  const command = useCommand(send, done);
  return (
    <div className="command">
      {command.succeeded ? (
        <p className="success">{command.message}</p>
      ) : (
        <button type="button" className={`button button-${tone}`} onClick={() => command.run()} disabled={command.pending} aria-describedby={describedBy}>
          {command.pending ? 'Recording…' : label}
        </button>
      )}
      {command.error && <ProblemMessage error={command.error} />}
    </div>
  );
}

/** Each form's own prefix for its fields' ids, so two forms on a page never share an id. */
const FormId = createContext('');

/** A form that sends one command: its fields are children; `send` reads them from the form. */
export function CommandForm({ legend, submit, send, done, children }: { legend: string; submit: string; send: (form: FormData) => Promise<unknown>; done: string; children: ReactNode }) {
  const command = useCommand(send, done);
  const prefix = useId();
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    command.run(new FormData(event.currentTarget));
  };
  return (
    <form className="command-form" onSubmit={onSubmit} noValidate>
      <fieldset>
        <legend>{legend}</legend>
        <FormId.Provider value={prefix}>{children}</FormId.Provider>
        <button type="submit" className="button" disabled={command.pending}>
          {command.pending ? 'Recording…' : submit}
        </button>
      </fieldset>
      {command.succeeded && <p className="success">{command.message}</p>}
      {command.error && <ProblemMessage error={command.error} />}
    </form>
  );
}

/** A labelled input (or text area, or select of `options`) with an optional hint; its id is unique on the page. */
export function Field({ name, label, hint, type = 'text', required, defaultValue, options, ...rest }: { name: string; label: string; hint?: string; type?: string; required?: boolean; defaultValue?: string; options?: Array<[string, string]> } & Record<string, unknown>) {
  const id = `${useContext(FormId)}field-${name}`;
  const described = hint ? `${id}-hint` : undefined;
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
        {!required && <span className="muted"> (optional)</span>}
      </label>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {options ? (
        <select id={id} name={name} defaultValue={defaultValue} aria-describedby={described}>
          {options.map(([value, text]) => (
            <option key={value} value={value}>
              {text}
            </option>
          ))}
        </select>
      ) : type === 'textarea' ? (
        <textarea id={id} name={name} required={required} defaultValue={defaultValue} aria-describedby={described} rows={3} {...rest} />
      ) : (
        <input id={id} name={name} type={type} required={required} defaultValue={defaultValue} aria-describedby={described} {...rest} />
      )}
    </div>
  );
}

/** "When it happened": a date (back-dating is allowed and shown as such); empty means now. */
export function OccurredAtField() {
  return <Field name="occurredOn" label="When it happened" type="date" hint="Leave empty for now. An earlier date records history: it is kept, marked back-dated." />;
}

/** The occurredAt of a form's "when it happened" date (09:00 UTC that day), or nothing for now. */
export const occurredAtOf = (form: FormData) => {
  const day = String(form.get('occurredOn') ?? '');
  return day ? { occurredAt: `${day}T09:00:00Z` } : {};
};
export const text = (form: FormData, name: string) => String(form.get(name) ?? '').trim();
