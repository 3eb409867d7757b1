"""Errors that mean a file could not be checked at all (exit status 2).

Each carries one sentence in Chinese and English naming the file and the
problem; the CLI prints it and returns `exit_code`.
"""
from __future__ import annotations

from pathlib import Path


class InputError(Exception):
    exit_code = 2
    zh = "无法检查该文件"
    en = "the file cannot be checked"

    def __init__(self, path: str | Path, detail: str = "") -> None:
        self.path = str(path)
        self.detail = detail
        super().__init__(self.sentence())

    def sentence(self) -> str:
        detail = f"（{self.detail}）" if self.detail else ""
        return f"{self.path}：{self.zh}{detail}。 {self.path}: {self.en}."


class FileMissing(InputError):
    zh, en = "文件不存在", "no such file"


class NotAFile(InputError):
    zh, en = "这是一个目录而不是文件", "this is a directory, not a file"


class EmptyFile(InputError):
    zh, en = "文件是空的", "the file is empty"


class TooLarge(InputError):
    zh, en = "文件过大，超出检查上限", "the file is larger than the size limit"


class NotRegularFile(InputError):
    """A device, FIFO or socket named as a report: never opened (reading one can block
    forever or never end). `detail` names the kind (字符设备, 命名管道 …)."""

    def sentence(self) -> str:
        return f"{self.path}：不是普通文件（{self.detail}），未读取。"


class UnpackedTooLarge(TooLarge):
    """A Word file whose parts unpack past the limit (a zip bomb, or a file no report needs)."""

    def sentence(self) -> str:
        return f"{self.path}：Word 文件解压后过大（{self.detail}），未检查。"


class TextTooLong(TooLarge):
    """More text than any annual report holds: checking it would take minutes for nothing."""

    def sentence(self) -> str:
        return f"{self.path}：文字过多（{self.detail}），远超一份年度报告的篇幅，未检查。"


class NestedTooDeep(InputError):
    """A Word file nested deeper than its XML parser reads (256 levels: some 60 tables in
    tables; a real report nests two or three)."""

    def sentence(self) -> str:
        return f"{self.path}：Word 文件的表格或段落嵌套过深（XML 超过256层），无法读取。"


class UndecodableText(InputError):
    zh, en = "无法识别文件的文字编码（既不是 UTF-8 也不是 GBK/GB18030）", "the text is neither UTF-8 nor GBK/GB18030"


class BinaryFile(InputError):
    zh, en = "这不是文本、网页、PDF 或 Word 文件", "this is not a text, HTML, PDF or Word file"


class UnsupportedFormat(InputError):
    zh, en = "暂不支持该文件格式", "this file format is not supported yet"


class NotAReport(InputError):
    zh, en = "文件中没有找到政府信息公开工作年度报告的标题、章节或统计表", "no title, section or table of a disclosure annual report was found in it"


class RuleFileError(Exception):
    """A rule or template file in rules/ is malformed: names the file and key."""

    def __init__(self, path: str | Path, key: str, problem: str) -> None:
        super().__init__(f"{path}: {key}: {problem}")


class EncryptedPdf(InputError):
    zh, en = "PDF 文件已加密，需要密码才能打开", "the PDF is encrypted and needs a password"


class BrokenFile(InputError):
    zh, en = "文件已损坏或不完整，无法打开", "the file is damaged or truncated and cannot be opened"


class PdfTablesUnreadable(BrokenFile):
    """A damaged PDF whose text pdfium reads but whose table pages no reader can parse."""

    def sentence(self) -> str:
        return f"{self.path}：PDF 文件已损坏，统计表所在的页无法读取，未检查。"


class ScannedPdf(InputError):
    zh, en = ("这是扫描件 PDF（只有图像，没有文字层），暂不能识别文字（需要 OCR）",
              "the PDF is a scan (images only, no text layer); reading it needs OCR, which is not available yet")


class UsageError(Exception):
    """A file named by an option (baseline, pair, output folder) cannot be used: one sentence, exit 2."""

    def __init__(self, sentence: str) -> None:
        super().__init__(sentence)
        self.sentence = sentence


class BaselineError(UsageError):
    pass
