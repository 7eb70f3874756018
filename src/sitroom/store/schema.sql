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
