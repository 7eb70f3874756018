"""`sitroom ask` on articles written for the test: cited sentences, grouped by source and speaker, with
what they carry; BM25 alone on request; usage errors."""

import json

import pytest
from click.testing import CliRunner

from sitroom.cli.main import main
from sitroom.query.meaning import semantic_available

from ..conftest import written_room

ARTICLES = {
    "a.txt": "Border closed\n\nBy Erik Lund\n\nVEXLEY, March 4, 2024 — Norland closed its border with "
             "Marlova on Monday because smugglers had crossed it for weeks, officials said. Why would "
             "Norland do that? Farmers in the valley said the harvest was poor.\n",
    "b.txt": "Talks on the border\n\nBy Lena Lund\n\nOSTERLAND, March 6, 2024 — Karl Ostrom met Lena "
             "Halvorsen in Osterland on Tuesday. \"We closed the border to stop the smuggling,\" Halvorsen "
             "said.\n",
}


@pytest.fixture(scope="module")
def room(tmp_path_factory) -> str:
    return str(written_room(ARTICLES, tmp_path_factory.mktemp("articles")))


def _ask(room, *args) -> dict:
    result = CliRunner().invoke(main, ["ask", *args, "--db", room, "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_an_answer_is_cited_sentences_grouped_by_source_and_speaker(room):
    answer = _ask(room, "Why did Norland close the border?")
    sentences = [(g, s) for g in answer["groups"] for s in g["sentences"]]
    assert sorted(s["rank"] for _, s in sentences) == list(range(1, len(sentences) + 1))
    for group, s in sentences:  # every sentence is the text at its offsets in its document
        text = next(ARTICLES[n] for n in ARTICLES if group["source"].endswith(n))
        assert " ".join(text[s["start"]:s["end"]].split()) == s["text"]
    best = min(sentences, key=lambda gs: gs[1]["rank"])[1]
    assert "smugglers" in best["text"] and "Norland" in best["actors"]
    assert not best["text"].endswith("?")  # a question in the text answers nothing
    spoken = [g for g, s in sentences if "stop the smuggling" in s["text"]]
    assert spoken and spoken[0]["speaker"] == "Lena Halvorsen"
    assert answer["ranking"] == ("bm25+minilm" if semantic_available() else "bm25")


def test_bm25_alone_on_request_and_filters(room):
    assert _ask(room, "border smuggling", "--lexical")["ranking"] == "bm25"
    only = _ask(room, "border", "--source", "b.txt")
    assert {g["source"][-5:] for g in only["groups"]} == {"b.txt"}
    assert _ask(room, "volcano eruption")["groups"] == []


def test_the_terminal_answer_cites_every_sentence(room):
    result = CliRunner().invoke(main, ["ask", "Why did Norland close the border?", "--db", room])
    assert result.exit_code == 0, result.output
    assert "ranked by" in result.output and ":" in result.output
    cited = [line for line in result.output.splitlines() if line.lstrip().startswith("[")]
    assert cited and all(line.rstrip().endswith(")") for line in cited)


def test_a_question_of_stop_words_is_a_usage_error(room):
    result = CliRunner().invoke(main, ["ask", "the of and", "--db", room])
    assert result.exit_code == 2, result.output


def test_without_a_working_model_bm25_answers_alone(room, monkeypatch):
    from sitroom.query import meaning

    monkeypatch.setattr(meaning, "embedder", lambda: None)  # as when the model is missing or will not load
    answer = _ask(room, "Why did Norland close the border?")
    assert answer["ranking"] == "bm25" and answer["groups"]


needs_model = pytest.mark.skipif(not semantic_available(), reason="the embedding model is not installed")


@needs_model
def test_after_embed_a_question_sharing_no_word_with_its_answer_finds_it(tmp_path):
    db = str(written_room(ARTICLES, tmp_path))
    question = "What caused the frontier to be shut?"  # no word of it in the articles but stop words

    def best() -> list[str]:
        answer = _ask(db, question)
        return [s["text"] for g in answer["groups"] for s in g["sentences"]], answer["ranking"]

    assert best() == ([], "bm25+minilm")  # BM25 finds no candidate to rerank
    embedded = CliRunner().invoke(main, ["embed", "--db", db])
    assert embedded.exit_code == 0 and "embedded" in embedded.output, embedded.output
    texts, ranking = best()
    assert ranking == "hybrid" and "smuggl" in texts[0], texts  # the two sentences giving the reason
    assert sum("smuggl" in t for t in texts[:3]) == 2, texts
    assert _ask(db, "volcano eruption")["groups"] == []  # nothing near in meaning either
    worded = _ask(db, "Why did Norland close the border?")  # BM25 and meaning candidates together
    assert worded["ranking"] == "hybrid" and "smugglers" in worded["groups"][0]["sentences"][0]["text"]
    again = CliRunner().invoke(main, ["embed", "--db", db])
    assert again.exit_code == 0 and "embedded 0 sentences" in again.output  # only what is new


@needs_model
def test_vectors_follow_the_documents_they_were_read_from(tmp_path):
    from sitroom.query.meaning import MODEL, embed_room
    from sitroom.store import vectors
    from sitroom.store.room import Room

    db = written_room(ARTICLES, tmp_path)
    first, stored = embed_room(db)
    with Room(db, read_only=True) as room:
        assert first == stored == room.db.execute("SELECT count(*) FROM sentences").fetchone()[0]
    (tmp_path / "a.txt").write_text(ARTICLES["a.txt"].replace("weeks", "months"), encoding="utf-8")
    assert CliRunner().invoke(main, ["build", str(tmp_path), "--db", str(db)]).exit_code == 0
    with Room(db) as room:  # the replaced document's vectors went with it; the other's stay
        left = vectors.count(room, MODEL)
        assert 0 < left < stored and len(vectors.missing(room, MODEL)) == stored - left
    answer = _ask(str(db), "Why did Norland close the border?")  # says what meaning cannot reach yet
    assert answer["ranking"] == "hybrid" and answer["unembedded"] == stored - left
    assert embed_room(db)[1] == stored
    assert _ask(str(db), "Why did Norland close the border?").get("unembedded") == 0


@needs_model
def test_readers_go_on_while_embed_runs_and_a_replaced_sentence_waits(tmp_path, monkeypatch):
    """embed held the room open to write for its whole run (minutes): every reader failed meanwhile."""
    from sitroom.query import meaning
    from sitroom.store.room import Room

    db = written_room(ARTICLES, tmp_path)
    model, seen = meaning.embedder(), []

    class Reading:  # a reader comes between two batches, while the model runs
        def embed_batch(self, texts):
            with Room(db, read_only=True, wait=0.5) as room:
                seen.append(room.db.execute("SELECT count(*) FROM documents").fetchone()[0])
            return model.embed_batch(texts)

    monkeypatch.setattr(meaning, "embedder", lambda: Reading())
    monkeypatch.setattr(meaning, "BATCH", 3)
    monkeypatch.setattr(meaning, "STORE_EVERY", 3)
    done, stored = meaning.embed_room(db)
    assert seen and set(seen) == {2} and done == stored
    from sitroom.store import vectors

    with Room(db) as room:  # a sentence whose text is not what was embedded (its document replaced)
        doc, start = room.db.execute("SELECT document, start_offset FROM sentences LIMIT 1").fetchone()
        room.db.execute("DELETE FROM sentence_vectors WHERE document = ? AND start_offset = ?", [doc, start])
        vector = model.embed_batch(["other words"])[0]
        assert vectors.write(room, meaning.MODEL, [(doc, start, "other words", vector)]) == 0
        assert vectors.count(room, meaning.MODEL) == stored - 1


@needs_model
def test_an_embedded_room_answers_without_running_the_model_on_its_own_sentences(tmp_path, monkeypatch):
    from sitroom.query import ask as asking
    from sitroom.query import meaning
    from sitroom.store.room import Room

    db = written_room(ARTICLES, tmp_path)
    meaning.embed_room(db)
    model, runs = meaning.embedder(), []

    class Counting:
        def embed_batch(self, texts):
            runs.append(len(texts))
            return model.embed_batch(texts)

    monkeypatch.setattr(asking, "embedder", lambda: Counting())
    monkeypatch.setattr(asking, "_vectors", {})
    with Room(db, read_only=True) as room:
        answer = asking.ask(room, "Why did Norland close the border?")
    assert answer["ranking"] == "hybrid" and runs == [1]  # the question only


def test_embed_of_a_room_that_is_not_there_makes_none(tmp_path):
    result = CliRunner().invoke(main, ["embed", "--db", str(tmp_path / "typo.duckdb")])
    if semantic_available():
        assert result.exit_code == 1 and "no room at" in result.output
    assert not (tmp_path / "typo.duckdb").exists()


def test_embed_without_the_model_says_how_to_get_it(room, monkeypatch):
    from sitroom.query import meaning

    monkeypatch.setattr(meaning, "embedder", lambda: None)
    result = CliRunner().invoke(main, ["embed", "--db", room])
    assert result.exit_code == 1 and "pip install 'sitroom[semantic]'" in result.output
