"""What changes records: writes that span models, each a keyword-only function that
validates what it saves. The publishing workflow, reviewed changes to what the public sees,
merging duplicates, finding them, the roles that may do each, and one history entry a save."""
