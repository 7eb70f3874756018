-- The room: one DuckDB file. Every derived row names its document; offsets are into documents.text.
CREATE TABLE IF NOT EXISTS room_meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL);

CREATE TABLE IF NOT EXISTS documents (
    id VARCHAR PRIMARY KEY,
    source VARCHAR NOT NULL,
    origin VARCHAR NOT NULL,
    format VARCHAR NOT NULL,
    encoding VARCHAR NOT NULL,
    content_hash VARCHAR NOT NULL,
    pipeline VARCHAR NOT NULL,
    text VARCHAR NOT NULL,
    title VARCHAR,
    title_start INTEGER,
    title_end INTEGER,
    outlet VARCHAR,
    authors VARCHAR[] NOT NULL,
    language VARCHAR NOT NULL,
    published VARCHAR,
    published_basis VARCHAR NOT NULL,
    published_start INTEGER,
    published_end INTEGER,
    body_start INTEGER NOT NULL,
    body_end INTEGER NOT NULL,
    built_at TIMESTAMP NOT NULL
);

CREATE TABLE IF NOT EXISTS paragraphs (
    document VARCHAR NOT NULL,
    ordinal INTEGER NOT NULL,
    start_offset INTEGER NOT NULL,
    end_offset INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS boilerplate (
    document VARCHAR NOT NULL,
    ordinal INTEGER NOT NULL,
    kind VARCHAR NOT NULL,
    start_offset INTEGER NOT NULL,
    end_offset INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS comments (
    document VARCHAR NOT NULL,
    ordinal INTEGER NOT NULL,
    author VARCHAR,
    posted VARCHAR,
    posted_start INTEGER,
    posted_end INTEGER,
    reply_to INTEGER,
    start_offset INTEGER NOT NULL,
    end_offset INTEGER NOT NULL,
    content_start INTEGER NOT NULL,
    content_end INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS failures (
    source VARCHAR PRIMARY KEY,
    stage VARCHAR NOT NULL,
    reason VARCHAR NOT NULL,
    failed_at TIMESTAMP NOT NULL
);

CREATE TABLE IF NOT EXISTS sentences (
    document VARCHAR NOT NULL,
    ordinal INTEGER NOT NULL,
    start_offset INTEGER NOT NULL,
    end_offset INTEGER NOT NULL,
    voice VARCHAR NOT NULL,
    comment INTEGER
);

CREATE TABLE IF NOT EXISTS mentions (
    document VARCHAR NOT NULL,
    ordinal INTEGER NOT NULL,
    start_offset INTEGER NOT NULL,
    end_offset INTEGER NOT NULL,
    text VARCHAR NOT NULL,
    label VARCHAR NOT NULL,
    kind VARCHAR NOT NULL,
    country VARCHAR,
    sentence INTEGER NOT NULL,
    subject BOOLEAN NOT NULL,
    pronoun BOOLEAN NOT NULL,
    antecedent INTEGER,
    armed BOOLEAN NOT NULL,
    cluster INTEGER NOT NULL,
    sense VARCHAR
);

CREATE TABLE IF NOT EXISTS roles (
    document VARCHAR NOT NULL,
    mention INTEGER NOT NULL,
    title VARCHAR NOT NULL,
    of_text VARCHAR,
    when_start VARCHAR,
    when_end VARCHAR,
    start_offset INTEGER NOT NULL,
    end_offset INTEGER NOT NULL
);

-- Actors across documents: rebuilt whole after every build, from mentions and overrides.
CREATE TABLE IF NOT EXISTS actors (
    id VARCHAR PRIMARY KEY,
    name VARCHAR NOT NULL,
    kind VARCHAR NOT NULL,
    country VARCHAR
);

CREATE TABLE IF NOT EXISTS actor_members (
    actor VARCHAR NOT NULL,
    document VARCHAR NOT NULL,
    cluster INTEGER NOT NULL
);

-- The keys each actor can be met by (resolve/blocking.py) and the documents the corpus-wide tables
-- cover: a build resolves the documents it adds against these (resolve/incremental.py).
CREATE TABLE IF NOT EXISTS actor_keys (
    key VARCHAR NOT NULL,
    actor VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS resolved_documents (
    id VARCHAR NOT NULL
);

-- What users said about actors (`sitroom actors merge/split`): kept across rebuilds.
CREATE TABLE IF NOT EXISTS actor_overrides (
    ordinal INTEGER NOT NULL,
    action VARCHAR NOT NULL,
    a VARCHAR NOT NULL,
    b VARCHAR NOT NULL,
    created_at TIMESTAMP NOT NULL
);

CREATE TABLE IF NOT EXISTS time_expressions (
    document VARCHAR NOT NULL,
    ordinal INTEGER NOT NULL,
    type VARCHAR NOT NULL,
    value VARCHAR,
    end_value VARCHAR,
    anchor VARCHAR,
    start_offset INTEGER NOT NULL,
    end_offset INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS event_mentions (
    document VARCHAR NOT NULL,
    ordinal INTEGER NOT NULL,
    type VARCHAR NOT NULL,
    mode VARCHAR,
    status VARCHAR NOT NULL,
    start_offset INTEGER NOT NULL,
    end_offset INTEGER NOT NULL,
    trigger_start INTEGER NOT NULL,
    trigger_end INTEGER NOT NULL,
    phrase VARCHAR NOT NULL,
    sources INTEGER[] NOT NULL,
    targets INTEGER[] NOT NULL,
    when_start VARCHAR,
    when_end VARCHAR,
    when_basis VARCHAR,
    location VARCHAR
);

-- Events across documents: rebuilt whole after every build, like actors.
CREATE TABLE IF NOT EXISTS events (
    id VARCHAR PRIMARY KEY,
    type VARCHAR NOT NULL,
    mode VARCHAR,
    status VARCHAR NOT NULL,
    when_start VARCHAR,
    when_end VARCHAR,
    when_basis VARCHAR,
    location VARCHAR,
    summary VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS event_members (
    event VARCHAR NOT NULL,
    document VARCHAR NOT NULL,
    ordinal INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS event_actors (
    event VARCHAR NOT NULL,
    role VARCHAR NOT NULL,
    actor VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS quotes (
    document VARCHAR NOT NULL,
    ordinal INTEGER NOT NULL,
    kind VARCHAR NOT NULL,
    speaker_mention INTEGER,
    speaker_start INTEGER,
    speaker_end INTEGER,
    cue_start INTEGER,
    cue_end INTEGER,
    content_start INTEGER NOT NULL,
    content_end INTEGER NOT NULL,
    start_offset INTEGER NOT NULL,
    end_offset INTEGER NOT NULL,
    when_start VARCHAR,
    when_end VARCHAR,
    when_basis VARCHAR
);

CREATE TABLE IF NOT EXISTS claims (
    document VARCHAR NOT NULL,
    ordinal INTEGER NOT NULL,
    subject VARCHAR NOT NULL,
    value DOUBLE NOT NULL,
    unit VARCHAR NOT NULL,
    dimension VARCHAR NOT NULL,
    base_value DOUBLE NOT NULL,
    tolerance DOUBLE NOT NULL,
    approximate BOOLEAN NOT NULL,
    part BOOLEAN NOT NULL,
    share_count DOUBLE,
    share_total DOUBLE,
    control BOOLEAN NOT NULL,
    country VARCHAR,
    quote INTEGER,
    when_start VARCHAR,
    when_end VARCHAR,
    when_basis VARCHAR,
    start_offset INTEGER NOT NULL,
    end_offset INTEGER NOT NULL,
    upper DOUBLE,  -- a range's upper bound ("10-15 thousand": value 10000, upper 15000)
    about_mention INTEGER  -- the mention (ordinal) of what the claim is about ("share for Ostrom")
);

-- Disagreements across the corpus: rebuilt whole after every build.
CREATE TABLE IF NOT EXISTS disagreements (
    id VARCHAR PRIMARY KEY,
    topic VARCHAR NOT NULL,
    note VARCHAR NOT NULL,
    claims VARCHAR[] NOT NULL,
    events VARCHAR[] NOT NULL
);

-- Sentence vectors for questions asked by meaning (`sitroom embed`, optional): one unit-length float32
-- vector per sentence (little-endian bytes), by the model named.
CREATE TABLE IF NOT EXISTS sentence_vectors (
    document VARCHAR NOT NULL,
    start_offset INTEGER NOT NULL,
    model VARCHAR NOT NULL,
    vector BLOB NOT NULL
);
