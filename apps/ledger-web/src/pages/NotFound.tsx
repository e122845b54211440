import { Link } from 'react-router';
import { PageHeading } from '../components/Layout';

export function NotFoundPage() {
  return (
    <>
      <PageHeading title="Page not found" />
      <p>
        There is no page at this address. Go to <Link to="/app">what awaits you</Link> or the <Link to="/">public register</Link>.
      </p>
    </>
  );
}
