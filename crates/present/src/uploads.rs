//! Why an uploaded file is not text blockvote reads, in words a member can act on:
//! the line, the encoding it most likely is, and how to save it again as UTF-8; or,
//! for a file that is not text at all (an image, a workbook), what file to choose.

use crate::lang::Bilingual;
use blockvote_model::text::{LikelyEncoding, NotText};

/// What kind of file was loaded, for the advice on saving it again.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    /// A projects CSV (usually saved from Excel).
    Csv,
    /// A scenarios JSON (written by blockvote; edited in a text editor, if at all).
    Json,
}

/// The refusal of a file that is not UTF-8 text.
pub fn not_text(error: &NotText, kind: FileKind) -> Bilingual {
    let line = error.line;
    let (zh_likely, en_likely) = match error.likely {
        LikelyEncoding::Big5 => (
            "看來是 Big5（繁體中文；香港的 Excel 以「CSV」儲存時常用的編碼）",
            "it looks like Big5 (traditional Chinese), the encoding Excel in Hong Kong often uses for “CSV”",
        ),
        LikelyEncoding::Gbk => {
            ("看來是 GBK 或 GB 18030（簡體中文）", "it looks like GBK or GB 18030 (simplified Chinese)")
        }
        LikelyEncoding::Western => {
            ("看來是西歐文字的編碼（例如 Windows-1252）", "it looks like a Western encoding such as Windows-1252")
        }
        LikelyEncoding::Utf16WithoutBom => {
            ("看來是沒有位元組順序記號的 UTF-16", "it looks like UTF-16 without a byte-order mark")
        }
        LikelyEncoding::Unknown => ("無法辨認其編碼", "its encoding is not recognised"),
        // Not text in another encoding: no encoding to name, nor to save it in.
        LikelyEncoding::Binary => return not_a_text_file(kind),
        LikelyEncoding::BlockvotePage => return blockvote_page(kind),
        LikelyEncoding::WebPage => return web_page(kind),
    };
    let (zh_how, en_how) = match kind {
        FileKind::Csv => (
            "請把檔案另存為 UTF-8：在 Excel 選「檔案 → 另存新檔」，存檔類型選「CSV UTF-8（逗號分隔）」；在 Numbers 選「輸出至 → CSV」，文字編碼選「Unicode（UTF-8）」。",
            "Save it as UTF-8: in Excel, File → Save As → “CSV UTF-8 (Comma delimited)”; in Numbers, File → Export To → CSV, Text Encoding “Unicode (UTF-8)”.",
        ),
        FileKind::Json => (
            "請以 UTF-8 重新儲存：例如在記事本選「另存新檔」，編碼選「UTF-8」；或由 blockvote 重新下載情景檔案。",
            "Save it again as UTF-8: in Notepad, for instance, Save As with Encoding “UTF-8”; or download the scenarios from blockvote again.",
        ),
    };
    Bilingual::new(
        format!("檔案不是 UTF-8 文字（第 {line} 行起），未有使用；{zh_likely}。{zh_how}"),
        format!("The file is not UTF-8 text (from line {line}) and was not used; {en_likely}. {en_how}"),
    )
}

/// The refusal of blockvote's own page (an offline copy, chosen by mistake): what it
/// carries comes in by opening it, and saving it again as UTF-8 text (the advice for
/// text in another encoding) would break it.
fn blockvote_page(kind: FileKind) -> Bilingual {
    let (zh_what, en_what) = match kind {
        FileKind::Csv => ("不是項目資料", "not project data"),
        FileKind::Json => ("不是情景檔案", "not a scenarios file"),
    };
    Bilingual::new(
        format!("這是 blockvote 網頁（例如離線副本），{zh_what}，未有使用。請直接在瀏覽器開啟該網頁：它所載的情景及項目資料會隨之開啟，情景會加入「情景」。"),
        format!("This is a blockvote page (an offline copy, say), {en_what}, and was not used. Open the page itself in the browser: the scenarios and project data it carries open with it, and its scenarios are added to Scenarios."),
    )
}

/// The refusal of another web page: the kind of file to choose instead.
fn web_page(kind: FileKind) -> Bilingual {
    let (zh_what, en_what) = what_to_choose(kind);
    Bilingual::new(
        format!("檔案是網頁（HTML），未有使用。{zh_what}"),
        format!("The file is a web page (HTML) and was not used. {en_what}"),
    )
}

/// The refusal of a file that is not text at all: no encoding to save it in, but the
/// kind of file to choose instead (saving a workbook as CSV is the likely fix).
fn not_a_text_file(kind: FileKind) -> Bilingual {
    let (zh_what, en_what) = what_to_choose(kind);
    Bilingual::new(
        format!("檔案不是文字檔（內含文字不會有的位元組，例如圖片或試算表），未有使用。{zh_what}"),
        format!("The file is not a text file (it holds bytes no text has, as an image or a spreadsheet does) and was not used. {en_what}"),
    )
}

/// What file to choose for `kind`, and how to make one.
fn what_to_choose(kind: FileKind) -> (String, String) {
    match kind {
        FileKind::Csv => (
            "項目資料是 CSV 文字：在 Excel 選「檔案 → 另存新檔」，存檔類型選「CSV UTF-8（逗號分隔）」；在 Numbers 選「輸出至 → CSV」，文字編碼選「Unicode（UTF-8）」。".to_string(),
            "Project data is CSV text: in Excel, File → Save As → “CSV UTF-8 (Comma delimited)”; in Numbers, File → Export To → CSV, Text Encoding “Unicode (UTF-8)”.".to_string(),
        ),
        FileKind::Json => {
            // The button's own words, so the advice names what the member sees.
            let button = crate::screens::scenarios::files::EXPORT_JSON;
            (
                format!("情景檔案是 JSON 文字：請選擇由 blockvote 下載的檔案（「{}」），或由 blockvote 重新下載情景檔案。", button.zh),
                format!("A scenarios file is JSON text: choose one blockvote downloaded (“{}”), or download the scenarios from blockvote again.", button.en),
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use blockvote_model::text::decode_upload;

    #[track_caller]
    fn check(bytes: &[u8], kind: FileKind, en: &str, zh: &str) {
        let Err(error) = decode_upload(bytes) else { panic!("{bytes:?} should be refused") };
        let words = not_text(&error, kind);
        assert_eq!((words.en.as_str(), words.zh.as_str()), (en, zh));
    }

    #[test]
    fn a_big5_csv_is_refused_with_how_to_save_it_as_utf8() {
        check(
            b"id,name_zh\n1,\xA4\xA4\xA4\xE5\n",
            FileKind::Csv,
            "The file is not UTF-8 text (from line 2) and was not used; it looks like Big5 (traditional Chinese), the encoding Excel in Hong Kong often uses for “CSV”. Save it as UTF-8: in Excel, File → Save As → “CSV UTF-8 (Comma delimited)”; in Numbers, File → Export To → CSV, Text Encoding “Unicode (UTF-8)”.",
            "檔案不是 UTF-8 文字（第 2 行起），未有使用；看來是 Big5（繁體中文；香港的 Excel 以「CSV」儲存時常用的編碼）。請把檔案另存為 UTF-8：在 Excel 選「檔案 → 另存新檔」，存檔類型選「CSV UTF-8（逗號分隔）」；在 Numbers 選「輸出至 → CSV」，文字編碼選「Unicode（UTF-8）」。",
        );
    }

    /// The first bytes of a PNG image.
    const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x06\x00\x00\x00";

    #[test]
    fn a_file_that_is_not_text_is_called_so() {
        check(
            PNG,
            FileKind::Json,
            "The file is not a text file (it holds bytes no text has, as an image or a spreadsheet does) and was not used. A scenarios file is JSON text: choose one blockvote downloaded (“Download all scenarios (JSON)”), or download the scenarios from blockvote again.",
            "檔案不是文字檔（內含文字不會有的位元組，例如圖片或試算表），未有使用。情景檔案是 JSON 文字：請選擇由 blockvote 下載的檔案（「下載全部情景（JSON）」），或由 blockvote 重新下載情景檔案。",
        );
        check(
            PNG,
            FileKind::Csv,
            "The file is not a text file (it holds bytes no text has, as an image or a spreadsheet does) and was not used. Project data is CSV text: in Excel, File → Save As → “CSV UTF-8 (Comma delimited)”; in Numbers, File → Export To → CSV, Text Encoding “Unicode (UTF-8)”.",
            "檔案不是文字檔（內含文字不會有的位元組，例如圖片或試算表），未有使用。項目資料是 CSV 文字：在 Excel 選「檔案 → 另存新檔」，存檔類型選「CSV UTF-8（逗號分隔）」；在 Numbers 選「輸出至 → CSV」，文字編碼選「Unicode（UTF-8）」。",
        );
    }

    #[test]
    fn blockvote_s_own_page_is_said_to_be_opened_not_imported() {
        let offline_copy =
            b"<!DOCTYPE html>\n<html lang=\"zh-Hant\"><head>\n<title>blockvote &#x2014;</title>\n\x8a\xf1";
        check(
            offline_copy,
            FileKind::Json,
            "This is a blockvote page (an offline copy, say), not a scenarios file, and was not used. Open the page itself in the browser: the scenarios and project data it carries open with it, and its scenarios are added to Scenarios.",
            "這是 blockvote 網頁（例如離線副本），不是情景檔案，未有使用。請直接在瀏覽器開啟該網頁：它所載的情景及項目資料會隨之開啟，情景會加入「情景」。",
        );
        check(
            offline_copy,
            FileKind::Csv,
            "This is a blockvote page (an offline copy, say), not project data, and was not used. Open the page itself in the browser: the scenarios and project data it carries open with it, and its scenarios are added to Scenarios.",
            "這是 blockvote 網頁（例如離線副本），不是項目資料，未有使用。請直接在瀏覽器開啟該網頁：它所載的情景及項目資料會隨之開啟，情景會加入「情景」。",
        );
        check(
            b"<!DOCTYPE html><title>Legislative Council</title>",
            FileKind::Csv,
            "The file is a web page (HTML) and was not used. Project data is CSV text: in Excel, File → Save As → “CSV UTF-8 (Comma delimited)”; in Numbers, File → Export To → CSV, Text Encoding “Unicode (UTF-8)”.",
            "檔案是網頁（HTML），未有使用。項目資料是 CSV 文字：在 Excel 選「檔案 → 另存新檔」，存檔類型選「CSV UTF-8（逗號分隔）」；在 Numbers 選「輸出至 → CSV」，文字編碼選「Unicode（UTF-8）」。",
        );
    }

    #[test]
    fn utf16_without_a_byte_order_mark_is_still_called_so() {
        let bare: Vec<u8> = "{\"format\":\"blockvote-scenarios\"}".encode_utf16().flat_map(u16::to_le_bytes).collect();
        check(
            &bare,
            FileKind::Json,
            "The file is not UTF-8 text (from line 1) and was not used; it looks like UTF-16 without a byte-order mark. Save it again as UTF-8: in Notepad, for instance, Save As with Encoding “UTF-8”; or download the scenarios from blockvote again.",
            "檔案不是 UTF-8 文字（第 1 行起），未有使用；看來是沒有位元組順序記號的 UTF-16。請以 UTF-8 重新儲存：例如在記事本選「另存新檔」，編碼選「UTF-8」；或由 blockvote 重新下載情景檔案。",
        );
    }

    #[test]
    fn a_json_in_another_encoding_is_refused_with_how_to_save_it_again() {
        check(
            b"{\"name\":\"Caf\xE9\"}",
            FileKind::Json,
            "The file is not UTF-8 text (from line 1) and was not used; it looks like a Western encoding such as Windows-1252. Save it again as UTF-8: in Notepad, for instance, Save As with Encoding “UTF-8”; or download the scenarios from blockvote again.",
            "檔案不是 UTF-8 文字（第 1 行起），未有使用；看來是西歐文字的編碼（例如 Windows-1252）。請以 UTF-8 重新儲存：例如在記事本選「另存新檔」，編碼選「UTF-8」；或由 blockvote 重新下載情景檔案。",
        );
    }
}
