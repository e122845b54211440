-- 0002: lookups by event type (EventStore.readByType), e.g. which collaborations name a force.
CREATE INDEX events_by_type ON events (type, global_position);
