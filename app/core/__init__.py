"""The bottom layer both sides share: the wall clock, the hybrid logical clock, wire encoding of
field values and the sync protocol's messages. It imports nothing else from `app`."""
