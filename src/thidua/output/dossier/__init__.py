"""The award dossier of a cluster-year: Tờ trình, Biên bản, Báo cáo thành tích (built or from
templates), as python-docx documents or bytes; callers save them."""
