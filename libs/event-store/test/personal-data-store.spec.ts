import { randomBytes, randomUUID } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { ERASED, InMemoryEventStore, PersonalDataEventStore, type PersonalDataKeys } from '#event-store';

/** Keys in memory: one per person, destroyable as `ledger forget` destroys them. */
class KeysInMemory implements PersonalDataKeys {
  readonly byId = new Map<string, Buffer | null>();
  private readonly live = new Map<string, string>();
  /** How many times keys were asked for: one round trip an append. */
  asked = 0;
  async keysFor(personIds: readonly string[]) {
    this.asked++;
    return new Map(
      personIds.map((personId) => {
        let keyId = this.live.get(personId);
        if (!keyId) {
          keyId = randomUUID();
          this.live.set(personId, keyId);
          this.byId.set(keyId, randomBytes(32));
        }
        return [personId, { keyId, key: this.byId.get(keyId)! }] as const;
      }),
    );
  }
  async keysById(keyIds: readonly string[]) {
    return new Map(keyIds.map((id) => [id, this.byId.get(id) ?? null] as const));
  }
  forget(personId: string) {
    this.byId.set(this.live.get(personId)!, null);
  }
}

const personal = (event: { type: string }) => (event.type === 'PanelFormed' ? ['data.chair', 'data.members[]'] : []);

function given() {
  const raw = new InMemoryEventStore();
  const keys = new KeysInMemory();
  return { raw, keys, store: new PersonalDataEventStore(raw, keys, personal) };
}

const panel = () => ({
  eventId: randomUUID(),
  type: 'PanelFormed',
  data: {
    chair: { personId: 'p-1', name: 'Alex Example' },
    members: [
      { personId: 'p-2', name: 'Sam Example' },
      { personId: 'p-3', name: 'Jo Example' },
    ],
    purpose: 'an illustrative panel',
    dates: { formed: '2024-01-01' },
  },
  metadata: { actor: 'someone' },
  occurredAt: new Date('2024-01-01T10:00:00Z'),
});

describe('Personal data in the log (crypto-shredding)', () => {
  it('Given names declared personal, When the event is appended, Then the log holds only ciphertext and a read shows the names', async () => {
    const { raw, store } = given();
    const event = panel();
    await store.append({ streamId: 'panel-1', streamType: 'panel', expectedVersion: 'no-stream', events: [event] });

    const [stored] = await raw.readStream('panel-1');
    expect(JSON.stringify(stored!.data)).not.toMatch(/Example/);
    expect((stored!.data as { chair: unknown }).chair).toEqual({ personId: 'p-1', name: expect.objectContaining({ $erasable: 'ledger-erasable-v1', subject: 'p-1' }) });

    const [read] = await store.readStream('panel-1');
    expect(read!.data).toEqual(event.data);
    expect(read!.metadata).toEqual(event.metadata);
  });

  it('Given two events naming four people (one twice), When appended together, Then their keys are asked for once and the same person is sealed under the same key', async () => {
    const { raw, keys, store } = given();
    const first = panel();
    const second = { ...panel(), data: { ...panel().data, chair: { personId: 'p-4', name: 'Kim Example' } } };
    await store.append({ streamId: 'panel-2', streamType: 'panel', expectedVersion: 'no-stream', events: [first, second] });
    expect(keys.asked).toBe(1);
    type Sealed = { chair: { name: { key: string } }; members: Array<{ name: { key: string } }> };
    const [a, b] = (await raw.readStream('panel-2')).map((e) => e.data as Sealed);
    expect(a!.members[0]!.name.key).toBe(b!.members[0]!.name.key); // p-2 in both
    expect(a!.chair.name.key).not.toBe(b!.chair.name.key); // p-1, then p-4
    expect((await store.readStream('panel-2')).map((e) => e.data)).toEqual([first.data, second.data]);
  });

  it('Given one person object reached by two declared paths, When appended, Then it is sealed once and the append goes through', async () => {
    const { raw, store } = given();
    const chair = { personId: 'p-1', name: 'Alex Example' };
    const event = { ...panel(), data: { ...panel().data, chair, members: [chair] } };
    await store.append({ streamId: 'panel-3', streamType: 'panel', expectedVersion: 'no-stream', events: [event] });
    const [stored] = await raw.readStream('panel-3');
    expect(JSON.stringify(stored!.data)).not.toMatch(/Alex/);
    expect((await store.readStream('panel-3'))[0]!.data).toMatchObject({ chair: { personId: 'p-1', name: 'Alex Example' } });
  });

  it('Given a read that opened every name, Then what the store underneath holds is unchanged and what holds no name is shared, not copied', async () => {
    const { raw, store } = given();
    await store.append({ streamId: 'panel-1', streamType: 'panel', expectedVersion: 'no-stream', events: [panel()] });
    const [before] = await raw.readStream('panel-1');
    const snapshot = JSON.stringify(before);

    const [read] = await store.readStream('panel-1');
    const [after] = await raw.readStream('panel-1');
    expect(JSON.stringify(after)).toBe(snapshot);
    expect(read).not.toBe(after);
    expect((read!.data as { dates: unknown }).dates).toBe((after!.data as { dates: unknown }).dates);
  });

  it('Given an event with no personal field, When it is read, Then it is the event the store underneath returned', async () => {
    const { raw, store } = given();
    await store.append({ streamId: 's', streamType: 'panel', expectedVersion: 'no-stream', events: [{ eventId: randomUUID(), type: 'PanelMet', data: { on: '2024-02-01' }, metadata: {}, occurredAt: new Date('2024-02-01T10:00:00Z') }] });
    const [read] = await store.readStream('s');
    expect(read!.data).toEqual({ on: '2024-02-01' });
  });

  it('Given one member forgotten (their key destroyed), When the event is read, Then only their name reads as erased', async () => {
    const { keys, store } = given();
    await store.append({ streamId: 'panel-1', streamType: 'panel', expectedVersion: 'no-stream', events: [panel()] });
    keys.forget('p-2');
    const [read] = await store.readStream('panel-1');
    expect(read!.data).toMatchObject({ chair: { name: 'Alex Example' }, members: [{ personId: 'p-2', name: ERASED }, { personId: 'p-3', name: 'Jo Example' }] });
  });

  it('Given a ciphertext moved to another field, When read, Then it does not open there (its place is sealed with it)', async () => {
    const { raw, keys } = given();
    const writer = new PersonalDataEventStore(raw, keys, personal);
    await writer.append({ streamId: 'panel-1', streamType: 'panel', expectedVersion: 'no-stream', events: [panel()] });
    const [stored] = await raw.readStream('panel-1');
    const data = stored!.data as { chair: { name: unknown }; members: Array<{ name: unknown }> };
    // A store underneath that hands out the chair's envelope in a member's place.
    const swapped = { ...stored!, data: { ...data, members: [{ personId: 'p-2', name: data.chair.name }] } };
    const reader = new PersonalDataEventStore({ ...raw, readStream: async () => [swapped] } as unknown as InMemoryEventStore, keys, personal);
    const [read] = await reader.readStream('panel-1');
    expect((read!.data as { members: Array<{ name: string }> }).members[0]!.name).toBe(ERASED);
  });
});
