"""The award dossier of a cluster-year: Tờ trình, Biên bản, Báo cáo thành tích, rendered from Word
templates (docxtpl) with the data; callers save them."""
