import { useQuery } from '@tanstack/react-query';
import { NavLink, Outlet, useOutletContext, useParams } from 'react-router';
import { type Schemas, answer, api } from '../../api/client';
import { can, useSession } from '../../auth/session';
import { Async, Tag, statusTone } from '../../components/Feedback';
import { PageHeading } from '../../components/Layout';
import { useForceName } from '../../components/forces';
import { statusName } from '../../format';

export type Collaboration = Schemas['CollaborationView'];
export interface CollaborationContext {
  collaboration: Collaboration;
}
export const useCollaboration = () => useOutletContext<CollaborationContext>().collaboration;

/** One collaboration, as it stands now (GET /collaborations/{id}); its pages below. */
export function useCurrentCollaboration(collaborationId: string) {
  return useQuery({ queryKey: ['collaboration', collaborationId], queryFn: () => answer(api.GET('/collaborations/{collaborationId}', { params: { path: { collaborationId } } })) });
}

const PAGES: Array<[string, string]> = [
  ['', 'Terms'],
  ['signatures', 'Signatures'],
  ['timeline', 'Timeline'],
  ['decisions', 'Decisions'],
  ['benefits', 'Benefits'],
  ['risk-appetite', 'Risk appetite'],
  ['indicators', 'Governance and trust'],
];

export function CollaborationLayout() {
  const { collaborationId = '' } = useParams();
  const session = useSession();
  const forceName = useForceName();
  const collaboration = useCurrentCollaboration(collaborationId);
  const pages = can.readRawRecord(session) ? [...PAGES, ['audit', 'Raw record'] as [string, string]] : PAGES;
  return (
    <Async query={collaboration} label="Loading the collaboration…" height={10}>
      {(c) => (
        <>
          <PageHeading title={c.name} caption="Collaboration">
            <p>
              <Tag tone={statusTone(c.status)}>{statusName(c.status)}</Tag> <span className="muted">Led by {forceName(c.leadForce)} · parties: {c.parties.map(forceName).join(', ')}</span>
            </p>
          </PageHeading>
          <nav className="subnav" aria-label="About this collaboration">
            <ul>
              {pages.map(([path, label]) => (
                <li key={path}>
                  <NavLink to={`/app/collaborations/${collaborationId}${path ? `/${path}` : ''}`} end>
                    {label}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
          <Outlet context={{ collaboration: c } satisfies CollaborationContext} />
        </>
      )}
    </Async>
  );
}
