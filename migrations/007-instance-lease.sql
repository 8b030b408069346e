-- One bot process per archive: the running bot holds this single row and renews it.
-- A second bot on the same database refuses to start while the lease is alive; the row of a
-- process that died (its pid is gone, or it stopped renewing) is taken over.
CREATE TABLE instance_lease (
  id           INTEGER PRIMARY KEY CHECK (id = 1),
  pid          INTEGER NOT NULL,
  hostname     TEXT    NOT NULL,
  -- Random per start, so a restarted process with a reused pid is still told apart.
  holder       TEXT    NOT NULL,
  started_at   INTEGER NOT NULL,
  renewed_at   INTEGER NOT NULL
);
