"""The children feature's screens: the child list, the child's file (一人一档) and its dialogs."""
