"""The backlog's filter language: grammar, values, what each term matches, and named views."""
