//! The UI's own words in Korean and English, and the one language setting the whole page
//! (the guided tutorial included) follows.
//!
//! The setting lives in the playground state (`Guide::lang`, so the guide's own switch is the
//! same switch) and is handed to components as a Yew context; components read it with
//! [`use_lang`]. It is kept in localStorage; without a saved choice the browser's preferred
//! languages decide, Korean when Korean comes before English.

use yew::prelude::*;

pub use crate::tutorial::Lang;

const STORAGE_KEY: &str = "alembic-playground.lang.v1";
/// The guide kept its own language before there was one setting; an old choice still counts.
const LEGACY_GUIDE_KEY: &str = "alembic-playground.guide.v1";

/// One UI string in both languages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tr(pub &'static str, pub &'static str);

impl Tr {
    pub fn get(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Ko => self.0,
            Lang::En => self.1,
        }
    }
}

/// The language components render in; English outside the provider (never expected).
#[hook]
pub fn use_lang() -> Lang {
    use_context::<Lang>().unwrap_or(Lang::En)
}

/// The `lang` attribute value for a language.
pub fn code(lang: Lang) -> &'static str {
    match lang {
        Lang::Ko => "ko",
        Lang::En => "en",
    }
}

/// The language to start in: the saved choice, else the guide's old saved choice, else the
/// browser's preference (the first of `navigator.languages` that is Korean or English).
pub fn initial() -> Lang {
    let storage = storage();
    let saved = storage
        .as_ref()
        .and_then(|s| s.get_item(STORAGE_KEY).ok().flatten());
    if let Some(lang) = saved.as_deref().and_then(parse) {
        return lang;
    }
    let legacy = storage
        .as_ref()
        .and_then(|s| s.get_item(LEGACY_GUIDE_KEY).ok().flatten());
    if let Some(lang) = legacy.as_deref().and_then(|saved| {
        saved
            .split(';')
            .find_map(|part| part.strip_prefix("lang="))
            .and_then(parse)
    }) {
        return lang;
    }
    preferred(&browser_languages())
}

/// Korean when the first Korean or English entry of the browser's list is Korean.
pub fn preferred(languages: &[String]) -> Lang {
    languages
        .iter()
        .find_map(|l| {
            let l = l.to_ascii_lowercase();
            if l == "ko" || l.starts_with("ko-") {
                Some(Lang::Ko)
            } else if l == "en" || l.starts_with("en-") {
                Some(Lang::En)
            } else {
                None
            }
        })
        .unwrap_or(Lang::En)
}

fn parse(text: &str) -> Option<Lang> {
    match text {
        "ko" => Some(Lang::Ko),
        "en" => Some(Lang::En),
        _ => None,
    }
}

/// Remembers the choice and marks the document's language (screen readers pick their voice
/// from it).
pub fn save(lang: Lang) {
    if let Some(s) = storage() {
        // Private browsing may refuse storage; the choice then lasts as long as the tab.
        let _ = s.set_item(STORAGE_KEY, code(lang));
    }
    apply(lang);
}

/// Sets `<html lang>` to the UI language.
pub fn apply(lang: Lang) {
    if let Some(root) = gloo::utils::document().document_element() {
        let _ = root.set_attribute("lang", code(lang));
    }
}

fn browser_languages() -> Vec<String> {
    let Some(window) = web_sys::window() else {
        return Vec::new();
    };
    let navigator = window.navigator();
    let list: Vec<String> = navigator
        .languages()
        .iter()
        .filter_map(|v| v.as_string())
        .collect();
    if list.is_empty() {
        navigator.language().into_iter().collect()
    } else {
        list
    }
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window().and_then(|w| w.local_storage().ok().flatten())
}

// The app shell (header, layout, shortcuts).
pub const SWITCH_LANGUAGE: Tr = Tr("English로 전환", "한국어로 전환 (Korean)");
pub const LANGUAGE_BUTTON: Tr = Tr("English", "한국어");
pub const THEME_SYSTEM: Tr = Tr("테마: 시스템 설정", "Theme: system");
pub const THEME_LIGHT: Tr = Tr("테마: 밝게", "Theme: light");
pub const THEME_DARK: Tr = Tr("테마: 어둡게", "Theme: dark");
pub const SHORTCUTS: Tr = Tr("키보드 단축키", "Keyboard shortcuts");
pub const SETTINGS: Tr = Tr("화면 설정", "Display settings");
pub const CLOSE: Tr = Tr("닫기", "Close");
pub const REGIONS: Tr = Tr("화면 영역", "Regions");
pub const REGION_FILES: Tr = Tr("파일", "Files");
pub const REGION_EDITOR: Tr = Tr("편집기", "Editor");
pub const REGION_TERMINAL: Tr = Tr("터미널", "Terminal");
pub const REGION_PANELS: Tr = Tr("가이드·DB", "Guide & DB");
pub const RESIZE_FILES: Tr = Tr("파일 트리 너비 조절", "Resize the file tree");
pub const RESIZE_PANELS: Tr = Tr("사이드 패널 너비 조절", "Resize the side panels");
pub const RESIZE_TERMINAL: Tr = Tr("터미널 높이 조절", "Resize the terminal");

// Side panels.
pub const TAB_GUIDE: Tr = Tr("가이드", "Guide");
pub const TAB_SCHEMA: Tr = Tr("스키마", "Schema");
pub const TAB_HISTORY: Tr = Tr("히스토리", "History");

// The shortcuts overlay: what each key does.
pub const KEY_HELP: Tr = Tr("이 도움말 열기", "Open this help");
pub const KEY_TERMINAL: Tr = Tr("터미널로 이동", "Go to the terminal");
pub const KEY_EDITOR: Tr = Tr("편집기로 이동", "Go to the editor");
pub const KEY_FILES: Tr = Tr("파일 트리로 이동", "Go to the file tree");
pub const KEY_GUIDE: Tr = Tr("가이드 탭 열기", "Open the Guide tab");
pub const KEY_SCHEMA: Tr = Tr("스키마 탭 열기", "Open the Schema tab");
pub const KEY_HISTORY: Tr = Tr("히스토리 탭 열기", "Open the History tab");
pub const KEY_SHOW_ME: Tr = Tr("가이드의 '보여 주기' 실행", "Run the guide's Show me");
pub const KEY_LANGUAGE: Tr = Tr("한국어/English 전환", "Switch Korean/English");
pub const KEY_THEME: Tr = Tr(
    "테마 전환 (시스템/밝게/어둡게)",
    "Cycle the theme (system/light/dark)",
);
pub const KEY_CLOSE: Tr = Tr("이 도움말 닫기", "Close this help");
pub const KEYS_IN_TERMINAL: Tr = Tr("터미널에서", "In the terminal");
pub const KEY_TERM_HISTORY: Tr = Tr("명령 기록", "Command history");
pub const KEY_TERM_COMPLETE: Tr = Tr(
    "자동 완성 (빈 줄에서는 다음 요소로 이동)",
    "Complete (on an empty line: move focus on)",
);
pub const KEY_TERM_INTERRUPT: Tr = Tr("입력 취소", "Abandon the line");
pub const KEY_TERM_CLEAR: Tr = Tr("화면 지우기", "Clear the screen");
pub const KEYS_IN_EDITOR: Tr = Tr("편집기에서", "In the editor");
pub const KEY_EDITOR_FIND: Tr = Tr("찾기", "Find");
pub const KEY_EDITOR_INDENT: Tr = Tr("들여쓰기 / 내어쓰기", "Indent / dedent");
pub const KEY_EDITOR_LEAVE: Tr = Tr("편집기 밖으로 포커스 이동", "Move focus out of the editor");
pub const KEY_EDITOR_COMMENT: Tr = Tr("주석 전환", "Toggle comment");
pub const KEYS_GLOBAL: Tr = Tr("어디서나", "Anywhere");
pub const SHORTCUTS_NOTE: Tr = Tr(
    "`?`는 입력란 밖에서만 열립니다. 분할선은 화살표 키로 크기를 바꿀 수 있습니다.",
    "`?` works outside text fields. Splitters resize with the arrow keys.",
);

// The guide tab (src/ui/components/guide_panel.rs).
pub const GUIDE_DONE: Tr = Tr("✓ 완료했습니다.", "✓ Done.");
pub const GUIDE_READ: Tr = Tr("읽었습니다", "I've read this");
pub const GUIDE_WAITING: Tr = Tr(
    "단계를 따라 해 보세요. 완료되면 자동으로 확인됩니다.",
    "Follow the step; it is checked automatically as you go.",
);
pub const GUIDE_RESET_CONFIRM: Tr = Tr(
    "이 단계를 시작할 때의 파일과 데이터베이스로 되돌릴까요?",
    "Put the files and the database back as they were when this step began?",
);
pub const GUIDE_PROGRESS: Tr = Tr("진행률", "Progress");
pub const GUIDE_CURRENT_STEP: Tr = Tr("현재 단계", "Current step");
pub const GUIDE_BACK: Tr = Tr("← 이전", "← Back");
pub const GUIDE_SHOW_ME: Tr = Tr("보여 주기", "Show me");
pub const GUIDE_RESET: Tr = Tr("단계 초기화", "Reset step");
pub const GUIDE_NEXT: Tr = Tr("다음 →", "Next →");
pub const GUIDE_ALL_STEPS: Tr = Tr("모든 단계", "All steps");
pub const GUIDE_TYPE_LABEL: Tr = Tr("터미널에 입력", "Type in the terminal");
pub const GUIDE_TYPE: Tr = Tr("입력", "Type");

// The header's workspace controls (src/ui/storage/) and the presenter view.
pub const WS_BUTTON: Tr = Tr("작업 공간", "Workspace");
pub const WS_SHARE: Tr = Tr("공유", "Share");
pub const WS_PRESENT: Tr = Tr("발표", "Present");
pub const WS_EXPORT: Tr = Tr(".zip 내보내기", "Export .zip");
pub const WS_DOWNLOAD_DB: Tr = Tr("데이터베이스 내려받기", "Download database");
pub const WS_OPEN_FILE: Tr = Tr("파일 열기…", "Open file…");
pub const WS_COPY: Tr = Tr("복사", "Copy");
pub const WS_SHARE_LINK: Tr = Tr("공유 링크", "Share link");
pub const WS_SAVED: Tr = Tr("이 브라우저에 저장됨", "Saved in this browser");
pub const WS_EXPORT_NOW: Tr = Tr("지금 내보내기", "Export now");
pub const WS_CONFLICT: Tr = Tr(
    "다른 탭이 이 작업 공간을 이 탭보다 나중에 저장했습니다. 서로 덮어쓰지 않도록 이 탭은 저장을 멈췄습니다.",
    "Another tab saved this workspace after this tab last did. This tab has stopped saving, so neither is overwritten.",
);
pub const WS_TAKE_THEIRS: Tr = Tr("다른 탭의 버전 보기", "Show the other tab's version");
pub const WS_KEEP_MINE: Tr = Tr(
    "이 탭의 것을 새 작업 공간으로 유지",
    "Keep this tab's as a new workspace",
);
pub const WS_NEW_TUTORIAL: Tr = Tr("새 튜토리얼 작업 공간", "New tutorial workspace");
pub const WS_NEW_BLANK: Tr = Tr("새 빈 작업 공간", "New blank workspace");
pub const WS_RENAME: Tr = Tr("이름 바꾸기", "Rename");
pub const WS_RESET: Tr = Tr("초기화…", "Reset…");
pub const WS_OPEN: Tr = Tr("열기", "Open");
pub const WS_DELETE: Tr = Tr("삭제", "Delete");
pub const WS_THIS_TAB: Tr = Tr("(이 탭)", "(this tab)");
pub const WS_YES_RESET: Tr = Tr("네, 초기화", "Yes, reset");
pub const WS_YES_DELETE: Tr = Tr("네, 삭제", "Yes, delete");
pub const WS_SAVE_NAME: Tr = Tr("이름 저장", "Save name");
pub const WS_OPEN_FULL: Tr = Tr("플레이그라운드에서 열기 ↗", "Open in the playground ↗");
pub const PRESENTER_HINT: Tr = Tr(
    "스캔하거나 링크를 입력하세요. 각 노트북에서 새 작업 공간으로 열리고, 누구의 작업도 건드리지 않습니다.",
    "Scan it, or type the link: it opens as a new workspace on each laptop, and nobody's own work is touched.",
);

// A workshop exercise (src/ui/components/exercise_panel.rs).
pub const EX_GOALS: Tr = Tr("목표", "Goals");
pub const EX_ALL_MET: Tr = Tr(
    "✓ 모든 목표를 달성했습니다. 잘했어요!",
    "✓ Every goal is met. Well done!",
);
pub const EX_SHOW_HINT: Tr = Tr("힌트 보기", "Show a hint");
pub const EX_PROBLEMS: Tr = Tr("에 문제가 있습니다:", " has problems:");

// The file tree, the data tab and the panels' fixed words.
pub const TAB_DATA: Tr = Tr("데이터", "Data");
pub const FILES: Tr = Tr("파일", "Files");
pub const NEW_FILE: Tr = Tr("새 파일", "New file");
pub const NEW_FOLDER: Tr = Tr("새 폴더", "New folder");
pub const CANCEL: Tr = Tr("취소", "Cancel");
pub const SQL_CONSOLE: Tr = Tr("SQL 콘솔", "SQL console");
pub const RUN_SQL: Tr = Tr("SQL 실행", "Run SQL");
pub const ROWS: Tr = Tr("행", "Rows");
pub const SQL_LOG: Tr = Tr("SQL 로그", "SQL log");
pub const PENDING_CHANGES: Tr = Tr(
    "아직 마이그레이션하지 않은 모델 변경",
    "Pending model changes",
);
pub const CHECK_REVERSIBILITY: Tr = Tr("되돌리기 검사", "Check reversibility");
pub const OPEN_A_FILE: Tr = Tr(
    "트리에서 파일을 열어 편집하세요.",
    "Open a file from the tree to edit it.",
);

/// The terminal's status line under a line running in the worker.
pub const TERM_RUNNING: Tr = Tr(
    "실행 중… Ctrl-C로 멈출 수 있습니다",
    "Running… Ctrl-C stops it",
);

/// The ER diagram of a schema with more tables than it draws at once.
pub const ER_ON_REQUEST: Tr = Tr(
    "테이블이 많아서 ER 다이어그램은 요청할 때 그립니다.",
    "With this many tables, the ER diagram is drawn on request.",
);
pub const ER_DRAW_ALL: Tr = Tr("테이블 {n}개의 다이어그램 그리기", "Draw all {n} tables");
