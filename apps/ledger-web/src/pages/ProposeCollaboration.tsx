import { useNavigate } from 'react-router';
import { answer, api, command } from '../api/client';
import { can, useSession } from '../auth/session';
import { CommandForm, Field, OccurredAtField, occurredAtOf, text } from '../components/Command';
import { Async } from '../components/Feedback';
import { PageHeading } from '../components/Layout';
import { useForces } from '../components/forces';
import { useQuery } from '@tanstack/react-query';

/** A collaboration manager proposes a collaboration; each party's chief officer and policing body then sign it. */
export function ProposeCollaborationPage() {
  const session = useSession();
  const forces = useForces();
  const navigate = useNavigate();
  const options = useQuery({ queryKey: ['forces-for-proposal'], queryFn: () => answer(api.GET('/forces')) });
  if (!can.propose(session)) {
    return (
      <>
        <PageHeading title="Propose a collaboration" />
        <p>Collaboration managers propose collaborations. You are signed in as someone else.</p>
      </>
    );
  }
  const own = session!.principal.force!;
  return (
    <>
      <PageHeading title="Propose a collaboration" />
      <p>The proposal sets the terms each party signs. It comes into force when every party’s chief officer and policing body have signed.</p>
      <Async query={options} label="Loading the forces…" height={20}>
        {(data) => (
          <CommandForm
            legend="The proposal"
            submit="Propose the collaboration"
            done="Proposed. It now awaits every party’s signatures."
            send={async (form) => {
              const accepted = await command(
                api.POST('/collaborations', {
                  body: {
                    name: text(form, 'name'),
                    purpose: text(form, 'purpose'),
                    functions: text(form, 'functions').split(',').map((f) => f.trim()).filter(Boolean),
                    parties: form.getAll('parties').map(String),
                    leadForce: text(form, 'leadForce'),
                    costSharing: text(form, 'costSharing'),
                    noticePeriodMonths: Number(text(form, 'noticePeriodMonths')),
                    reviewDate: text(form, 'reviewDate'),
                    ...occurredAtOf(form),
                  },
                }),
              );
              navigate(`/app/collaborations/${accepted.collaborationId}`);
            }}
          >
            <Field name="name" label="Name" required />
            <Field name="purpose" label="Purpose" type="textarea" required />
            <Field name="functions" label="Functions in scope" required hint="Separated by commas, e.g. firearms, dogs." />
            <fieldset className="checkboxes">
              <legend>Parties</legend>
              <div className="checkbox-grid">
                {data.items.map((f) => (
                  <div className="checkbox" key={f.code}>
                    <input type="checkbox" id={`party-${f.code}`} name="parties" value={f.code} defaultChecked={f.code === own} />
                    <label htmlFor={`party-${f.code}`}>{f.name}</label>
                  </div>
                ))}
              </div>
            </fieldset>
            <Field name="leadForce" label="Lead force" required defaultValue={own} options={(forces.data?.items ?? data.items).map((f) => [f.code, f.name])} />
            <Field name="costSharing" label="How costs are shared" type="textarea" required />
            <Field name="noticePeriodMonths" label="Notice period for withdrawal, in months" type="number" min={0} required defaultValue="12" inputMode="numeric" />
            <Field name="reviewDate" label="Review date" type="date" required />
            <OccurredAtField />
          </CommandForm>
        )}
      </Async>
    </>
  );
}
