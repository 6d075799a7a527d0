"""County roster import (名单导入): a roster exported by the national systems or kept as a county
台账 becomes children (with guardians, carers and categories) in their villages' files, written
as county changes that sync to the villages' laptops like any other row.

- `reader`: the file's rows and header row (xlsx / CSV).
- `places`: the county's village and township names (the gazetteer) for resolving village names.
- `mapping`: the column mapping the county used last, remembered on the server.
- `importer`: check every row, compare with the server's children, report, and write.
"""
