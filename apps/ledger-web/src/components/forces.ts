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
