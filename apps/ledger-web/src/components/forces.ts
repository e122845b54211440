import { useQuery } from '@tanstack/react-query';
import { answer, api } from '../api/client';
import { humanise } from '../format';

/** The 43 forces (GET /forces): names, regions and policing bodies. */
export function useForces() {
  return useQuery({ queryKey: ['forces'], queryFn: () => answer(api.GET('/forces')), staleTime: Infinity });
}

/** A force's name from the register of forces, or its code made readable while that loads. */
export function useForceName() {
  const forces = useForces();
  return (code: string) => forces.data?.items.find((f) => f.code === code)?.name ?? humanise(code);
}

/** The national bodies a recommendation may be addressed to besides a force (GET /national-bodies): NPCC, College of Policing, Home Office, APCC. */
export function useNationalBodies() {
  return useQuery({ queryKey: ['national-bodies'], queryFn: () => answer(api.GET('/national-bodies')), staleTime: Infinity });
}

/** The name of whoever a recommendation is addressed to: a force, or a national body; its code made readable while they load. */
export function useAddresseeName() {
  const forceName = useForceName();
  const bodies = useNationalBodies();
  return (code: string) => bodies.data?.items.find((b) => b.code === code)?.name ?? forceName(code);
}
