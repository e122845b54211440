import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Navigate, createBrowserRouter, useLocation } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import type { ReactNode } from 'react';
import { ApiProblem } from './api/client';
import { onSessionChange, useSession } from './auth/session';
import { Layout } from './components/Layout';
import { BenefitPage } from './pages/Benefit';
import { AuditPage } from './pages/collaboration/Audit';
import { BenefitsPage } from './pages/collaboration/Benefits';
import { CollaborationLayout } from './pages/collaboration/CollaborationLayout';
import { DecisionsPage } from './pages/collaboration/Decisions';
import { IndicatorsPage } from './pages/collaboration/Indicators';
import { RiskAppetitePage } from './pages/collaboration/RiskAppetite';
import { SignaturesPage } from './pages/collaboration/Signatures';
import { TermsPage } from './pages/collaboration/Terms';
import { TimelinePage } from './pages/collaboration/Timeline';
import { DecisionPage } from './pages/Decision';
import { ForcePage } from './pages/Force';
import { HomePage } from './pages/Home';
import { NotFoundPage } from './pages/NotFound';
import { ProposeCollaborationPage } from './pages/ProposeCollaboration';
import { PublicRegisterPage } from './pages/PublicRegister';
import { RecommendationPage, RecommendationsPage } from './pages/Recommendations';
import { RegisterPage } from './pages/Register';
import { AuthCallbackPage, SignInPage } from './pages/SignIn';
import './styles.css';

/** Pages that need a sign-in send a signed-out visitor to the sign-in page, and back afterwards. */
function SignedIn({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (!session) return <Navigate to={`/app/sign-in?returnTo=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  return <>{children}</>;
}
const signedIn = (page: ReactNode) => <SignedIn>{page}</SignedIn>;

const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      { path: '/', element: <PublicRegisterPage /> },
      { path: '/app/sign-in', element: <SignInPage /> },
      { path: '/app/auth/callback', element: <AuthCallbackPage /> },
      { path: '/app', element: signedIn(<HomePage />) },
      { path: '/app/register', element: signedIn(<RegisterPage />) },
      { path: '/app/collaborations/new', element: signedIn(<ProposeCollaborationPage />) },
      {
        path: '/app/collaborations/:collaborationId',
        element: signedIn(<CollaborationLayout />),
        children: [
          { index: true, element: <TermsPage /> },
          { path: 'signatures', element: <SignaturesPage /> },
          { path: 'timeline', element: <TimelinePage /> },
          { path: 'decisions', element: <DecisionsPage /> },
          { path: 'benefits', element: <BenefitsPage /> },
          { path: 'risk-appetite', element: <RiskAppetitePage /> },
          { path: 'indicators', element: <IndicatorsPage /> },
          { path: 'audit', element: <AuditPage /> },
        ],
      },
      { path: '/app/decisions/:decisionId', element: signedIn(<DecisionPage />) },
      { path: '/app/benefits/:benefitId', element: signedIn(<BenefitPage />) },
      { path: '/app/forces/:forceCode', element: signedIn(<ForcePage />) },
      { path: '/app/recommendations', element: signedIn(<RecommendationsPage />) },
      { path: '/app/recommendations/:recommendationId', element: signedIn(<RecommendationPage />) },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

const queries = new QueryClient({
  defaultOptions: {
    queries: {
      // A refusal or a missing thing will not change by asking again; a network fault or a busy ledger may.
      retry: (count, error) => count < 2 && (!(error instanceof ApiProblem) || error.status === 0 || error.status === 503),
      refetchOnWindowFocus: false,
      staleTime: 10_000,
    },
  },
});

// What one person read is never shown to the next: a change of who is signed in forgets every answer.
onSessionChange(() => queries.clear());

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queries}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  </StrictMode>,
);
