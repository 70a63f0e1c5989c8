"""The documents the XD rules compare, by the keys findings are reported against."""

MD, TS, CP = "model_documentation", "training_data_summary", "copyright_policy"
MD_TS = (MD, TS)
