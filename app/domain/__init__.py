"""Pure rules of the child-protection domain: no Qt, no SQL, no I/O beyond reading policy files."""
