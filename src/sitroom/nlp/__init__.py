"""Running a spaCy pipeline over the body paragraphs and comments of cleaned documents."""
