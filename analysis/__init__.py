"""analysis: a news article as tidy DataFrames of sentences, actor mentions and topics."""
