"""疑似重复档案 in the desktop app: the 工作台 block listing them and the merge dialog."""
