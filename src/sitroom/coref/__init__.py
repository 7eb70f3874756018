"""In-document coreference: which mentions of one document are one actor (names, short forms,
acronyms, descriptions, pronouns), and of what kind. Every extractor reads its clusters."""
