//! Every UI string in Korean and English, grouped by the part of the page that shows it, and
//! the formatters for the ones with values in them.

use super::{Lang, Tr};

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
pub const TERM_RUNNING: Tr = Tr("실행 중…", "Running…");
/// The button beside it that does what Ctrl-C does.
pub const TERM_STOP: Tr = Tr("멈추기 (Ctrl-C)", "Stop (Ctrl-C)");

/// A message made at run time (a status naming a workspace, say) in both languages, so it
/// follows a switch made after it was shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Msg {
    pub ko: String,
    pub en: String,
}

impl Msg {
    pub fn new(ko: impl Into<String>, en: impl Into<String>) -> Msg {
        Msg {
            ko: ko.into(),
            en: en.into(),
        }
    }

    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Ko => &self.ko,
            Lang::En => &self.en,
        }
    }
}

impl From<Tr> for Msg {
    fn from(t: Tr) -> Msg {
        Msg::new(t.0, t.1)
    }
}

/// `ko` or `en` of two formatted strings; for the words below that take a value.
fn pick(lang: Lang, ko: String, en: String) -> String {
    match lang {
        Lang::Ko => ko,
        Lang::En => en,
    }
}

// The crash message (src/ui/crash.rs), drawn after a panic without Yew.
pub const CRASH_TITLE: Tr = Tr(
    "문제가 발생했습니다. 작업은 저장되어 있습니다.",
    "Something went wrong. Your work is saved.",
);
pub const CRASH_BODY: Tr = Tr(
    "플레이그라운드는 파일, 데이터베이스, 터미널을 바뀔 때마다 1초 안에 저장합니다. 새로 고침하면 거기서부터 이어서 할 수 있습니다.",
    "The playground saves your files, database and terminal within a second of every change. Reload to carry on from there.",
);
pub const CRASH_RELOAD: Tr = Tr("새로 고침", "Reload");
pub const CRASH_COPY: Tr = Tr("신고용 오류 내용 복사", "Copy the error for a report");

// The editor (src/ui/components/editor.rs).
pub const OPEN_FILES: Tr = Tr("열린 파일", "Open files");
pub const EDITOR_FAILED: Tr = Tr(
    "코드 편집기를 불러오지 못했습니다. 페이지를 새로 고침해 다시 시도하세요.",
    "The code editor could not load. Reload the page to try again.",
);
pub const CHANGED_SINCE: Tr = Tr("마지막 명령 이후 변경됨", "changed since the last command");
pub fn close_named(name: &str, lang: Lang) -> String {
    pick(lang, format!("{name} 닫기"), format!("Close {name}"))
}

// The file tree (src/ui/components/file_tree.rs).
pub const PROJECT_FILES: Tr = Tr("프로젝트 파일", "Project files");
pub const FILE_ACTIONS: Tr = Tr("파일 작업", "File actions");
pub const CONFIRM_DELETE: Tr = Tr("삭제 확인", "Confirm delete");
pub const CREATE: Tr = Tr("만들기", "Create");
pub const NAME_EMPTY: Tr = Tr("이름을 입력하세요.", "Type a name.");
pub const NAME_SLASH: Tr = Tr(
    "이름에는 '/'를 넣을 수 없습니다.",
    "A name cannot contain '/'.",
);
pub fn new_file_in(folder: &str, lang: Lang) -> String {
    pick(
        lang,
        format!("{folder}/에 새 파일"),
        format!("New file in {folder}/"),
    )
}
pub fn new_folder_in(folder: &str, lang: Lang) -> String {
    pick(
        lang,
        format!("{folder}/에 새 폴더"),
        format!("New folder in {folder}/"),
    )
}
pub fn rename_what(what: &str, lang: Lang) -> String {
    pick(
        lang,
        format!("{what} 이름 바꾸기 (F2)"),
        format!("Rename {what} (F2)"),
    )
}
pub fn delete_what(what: &str, lang: Lang) -> String {
    pick(
        lang,
        format!("{what} 삭제 (Delete)"),
        format!("Delete {what} (Delete)"),
    )
}
pub fn rename_to(what: &str, lang: Lang) -> String {
    pick(
        lang,
        format!("{what}의 새 이름"),
        format!("Rename {what} to"),
    )
}
pub fn delete_question(what: &str, folder: bool, lang: Lang) -> String {
    match (lang, folder) {
        (Lang::Ko, true) => {
            format!("{what}/ 폴더와 그 안의 모든 것을 삭제할까요? 되돌릴 수 없습니다.")
        }
        (Lang::Ko, false) => format!("{what}을(를) 삭제할까요? 되돌릴 수 없습니다."),
        (Lang::En, true) => format!("Delete {what}/ and everything in it? This cannot be undone."),
        (Lang::En, false) => format!("Delete {what}? This cannot be undone."),
    }
}
pub fn already_exists(what: &str, lang: Lang) -> String {
    pick(
        lang,
        format!("{what}이(가) 이미 있습니다."),
        format!("{what} already exists."),
    )
}
pub fn invalid_name(name: &str, lang: Lang) -> String {
    pick(
        lang,
        format!("'{name}'은(는) 쓸 수 없는 이름입니다."),
        format!("'{name}' is not a valid name."),
    )
}

// The side panels' frame (src/ui/components/side_panels.rs).
pub const SIDE_PANELS: Tr = Tr("사이드 패널", "Side panels");

// A workshop exercise's fixed words, for screen readers mostly.
pub const EX_EXERCISE: Tr = Tr("연습 문제", "Exercise");
pub const EX_MET: Tr = Tr("달성: ", "met: ");
pub const EX_NOT_YET: Tr = Tr("아직: ", "not yet: ");
pub const EX_HINTS: Tr = Tr("힌트", "Hints");
pub fn ex_line(line: usize, lang: Lang) -> String {
    pick(lang, format!("{line}행: "), format!("line {line}: "))
}

// The schema tab (src/ui/components/schema_panel.rs). Alembic's own words (revision, head,
// base, autogenerate) stay as Korean developers write them.
pub const ADDED_BY_LAST: Tr = Tr("마지막 명령으로 추가됨", "added by the last command");
pub const CHANGED_BY_LAST: Tr = Tr("마지막 명령으로 변경됨", "changed by the last command");
pub const REMOVED_BY_LAST: Tr = Tr("마지막 명령으로 삭제됨", "removed by the last command");
pub const NO_VERSION_TABLE: Tr = Tr(
    "아직 alembic_version 테이블이 없습니다",
    "no alembic_version table yet",
);
pub const VERSION_EMPTY: Tr = Tr(
    "alembic_version이 비어 있습니다 (base)",
    "alembic_version is empty (base)",
);
pub const DATABASE_SCHEMA: Tr = Tr("데이터베이스 스키마", "Database schema");
pub const DATABASE: Tr = Tr("데이터베이스", "database");
pub const CURRENT_REVISION: Tr = Tr("현재 리비전: ", "Current revision: ");
pub const BROWSE_ROWS: Tr = Tr("행 보기 →", "Rows →");
pub const PRIMARY_KEY: Tr = Tr("기본 키", "primary key");
pub const UNIQUE: Tr = Tr("고유 제약", "unique");
pub const UNIQUE_INDEX: Tr = Tr("고유 인덱스 ", "unique index ");
pub const INDEX: Tr = Tr("인덱스 ", "index ");
pub const CHECKING: Tr = Tr("확인 중…", "Checking…");
pub const PENDING_NOT_INITIALIZED: Tr = Tr(
    "`alembic init alembic` 후에는 모델을 고친 내용이 리비전을 만들기 전에 여기에 표시됩니다.",
    "After `alembic init alembic`, edits to the models show here before you generate a revision.",
);
pub const PENDING_UP_TO_DATE: Tr = Tr(
    "✓ 모델과 데이터베이스가 일치합니다: autogenerate가 찾을 변경이 없습니다.",
    "✓ The models and the database agree: autogenerate would find nothing.",
);
pub const PENDING_BEHIND: Tr = Tr(
    "데이터베이스가 최신 리비전보다 뒤처져 있어 Alembic이 아직 비교하지 않습니다: 먼저 `alembic upgrade head`를 실행하세요.",
    "The database is behind the latest revision, so Alembic will not compare yet: run `alembic upgrade head` first.",
);
pub const PENDING_NO_METADATA: Tr = Tr(
    "env.py에 target_metadata가 설정되어 있지 않아 비교할 대상이 없습니다: env.py에서 모델의 Base를 import하고 `target_metadata = Base.metadata`로 설정하세요.",
    "env.py sets no target_metadata, so there is nothing to compare: import your models' Base there and set `target_metadata = Base.metadata`.",
);
pub fn pending_failed(message: &str, lang: Lang) -> String {
    pick(
        lang,
        format!("Alembic이 비교하지 못했습니다: {message}"),
        format!("Alembic could not compare: {message}"),
    )
}
pub fn pending_timing(ms: f64, lang: Lang) -> String {
    pick(
        lang,
        format!("`alembic check`가 보고할 내용이며, {ms:.1} ms 만에 계산했습니다. 아무것도 기록하지 않습니다."),
        format!("What `alembic check` would report, computed in {ms:.1} ms. Nothing is written."),
    )
}
pub fn row_count(rows: i64, lang: Lang) -> String {
    match (lang, rows) {
        (Lang::Ko, n) => format!("{n}행"),
        (Lang::En, 1) => "1 row".to_string(),
        (Lang::En, n) => format!("{n} rows"),
    }
}
pub fn table_named(name: &str, lang: Lang) -> String {
    pick(lang, format!("테이블 {name}"), format!("Table {name}"))
}
pub fn browse_rows_of(name: &str, lang: Lang) -> String {
    pick(
        lang,
        format!("{name}의 행 보기"),
        format!("Browse rows of {name}"),
    )
}
pub fn foreign_key_to(target: &str, lang: Lang) -> String {
    pick(
        lang,
        format!("{target}을(를) 가리키는 외래 키"),
        format!("foreign key to {target}"),
    )
}
/// A pending change's kind of object, as the engine names it (`table`, `column` ...).
pub fn object_name(object: &str, lang: Lang) -> String {
    let ko = match object {
        "table" => "테이블",
        "column" => "컬럼",
        "index" => "인덱스",
        "unique constraint" => "고유 제약 조건",
        "foreign key" => "외래 키",
        other => other,
    };
    pick(lang, ko.to_string(), object.to_string())
}
/// A pending change for screen readers: `verb` is `add`, `remove` or `change`.
pub fn pending_item(verb: &str, object: &str, target: &str, lang: Lang) -> String {
    let ko = match verb {
        "add" => "추가",
        "remove" => "삭제",
        _ => "변경",
    };
    pick(
        lang,
        format!("{} {target} {ko}", object_name(object, lang)),
        format!("{verb} {object} {target}"),
    )
}
pub fn er_diagram(tables: usize, lang: Lang) -> String {
    pick(
        lang,
        format!("테이블 {tables}개의 ER 다이어그램"),
        format!("Entity-relationship diagram of {tables} tables"),
    )
}
/// The schema and history views' notes (src/views/, which speak English): the ones they
/// always give, in Korean; anything else (an error) as it came.
pub fn view_note(note: &str, lang: Lang) -> String {
    if lang == Lang::En {
        return note.to_string();
    }
    use crate::views::{history, schema};
    // The views' own constants, so a reworded note cannot slip past this list.
    const FIXED: [(&str, &str); 3] = [
        (
            history::NOTE_NO_INI,
            "아직 alembic.ini가 없습니다: `alembic init alembic`을 실행해 시작하세요.",
        ),
        (
            history::NOTE_NO_REVISIONS,
            "아직 리비전이 없습니다: `alembic revision -m \"...\"`로 첫 리비전을 만드세요.",
        ),
        (
            schema::NOTE_NOT_SQLITE,
            "데이터베이스 URL이 SQLite 파일이 아니라서 보여 줄 스키마가 없습니다.",
        ),
    ];
    if let Some((_, ko)) = FIXED.iter().find(|(en, _)| *en == note) {
        return ko.to_string();
    }
    if let Some(file) = note
        .strip_prefix(schema::NOTE_NO_DATABASE)
        .and_then(|rest| rest.strip_suffix(schema::NOTE_NO_DATABASE_END))
    {
        return format!("아직 데이터베이스가 없습니다: {file} 파일은 처음 연결하는 명령(alembic upgrade, current, stamp ...)이 만듭니다.");
    }
    note.to_string()
}

// The history tab and a revision's detail (history_panel.rs, revision_detail.rs).
pub const TAG_CURRENT: Tr = Tr("현재", "current");
// Alembic's own names for these (`alembic heads`, `downgrade base`) stay as they are.
pub const TAG_HEAD: Tr = Tr("head", "head");
pub const TAG_BASE: Tr = Tr("base", "base");
pub const TAG_MERGE: Tr = Tr("병합", "merge");
pub const TAG_BRANCH_POINT: Tr = Tr("분기점", "branch point");
pub const CHECK_REVERSIBILITY_TITLE: Tr = Tr(
    "각 리비전의 downgrade와 upgrade를 임시 사본에서 실행해 보고, 원래대로 돌아오지 않는 것을 알려 줍니다",
    "Run each revision's downgrade and upgrade on a scratch copy and report what does not round-trip",
);
pub const NONE_BASE: Tr = Tr("없음 (base)", "none (a base)");
pub const DB_AT_REVISION: Tr = Tr(
    "데이터베이스가 이 리비전에 있습니다.",
    "The database is at this revision.",
);
pub const DB_HAS_REVISION: Tr = Tr(
    "데이터베이스에 이 리비전이 적용되어 있습니다.",
    "The database has this revision applied.",
);
pub const DB_LACKS_REVISION: Tr = Tr(
    "데이터베이스에 아직 이 리비전이 적용되지 않았습니다.",
    "The database does not have this revision yet.",
);
pub const CLOSE_REVISION: Tr = Tr("리비전 상세 닫기", "Close revision details");
pub const REV_FILE: Tr = Tr("파일", "File");
pub const REV_REVISES: Tr = Tr("이전 리비전", "Revises");
pub const REV_DEPENDS_ON: Tr = Tr("의존 리비전", "Depends on");
pub const REV_BRANCH_LABELS: Tr = Tr("브랜치 레이블", "Branch labels");
pub const UPGRADE_TO_HERE: Tr = Tr("여기로 upgrade: ", "Upgrade to here: ");
pub const DOWNGRADE_TO_HERE: Tr = Tr("여기로 downgrade: ", "Downgrade to here: ");
pub fn revision_named(id: &str, lang: Lang) -> String {
    pick(lang, format!("리비전 {id}"), format!("Revision {id}"))
}
pub fn revision_pick(id: &str, message: &str, lang: Lang) -> String {
    pick(
        lang,
        format!("리비전 {id}: {message}"),
        format!("Revision {id}: {message}"),
    )
}
pub fn revision_graph(n: usize, lang: Lang) -> String {
    pick(
        lang,
        format!("리비전 {n}개의 그래프"),
        format!("Revision graph with {n} revisions"),
    )
}
pub fn types_line(line: &str, lang: Lang) -> String {
    pick(
        lang,
        format!("`{line}`을(를) 터미널에 입력해 둡니다. 실행하려면 터미널에서 Enter를 누르세요"),
        format!("Types `{line}` into the terminal; press Enter there to run it"),
    )
}

// The data tab: SQL console, rows, SQL log (sql_console.rs, table_rows.rs, sql_log.rs).
pub const SQL_INPUT: Tr = Tr(
    "데이터베이스에 실행할 SQL",
    "SQL to run against the database",
);
pub const SQL_HINT: Tr = Tr(
    "Ctrl-Enter로 실행합니다. 쓰기는 sqlite3처럼 데이터베이스 파일에 저장되며, 되돌릴 수 있습니다.",
    "Ctrl-Enter runs it. Writes are saved to the database file, as sqlite3 saves them, and can be undone.",
);
pub const QUERY_RESULTS: Tr = Tr("쿼리 결과", "Query results");
pub const NO_ROWS: Tr = Tr("행이 없습니다.", "No rows.");
pub const PICK_TABLE: Tr = Tr(
    "테이블을 고르면 행을 보여 줍니다.",
    "Pick a table to see its rows.",
);
pub const PREV_PAGE: Tr = Tr("이전 페이지", "Previous page");
pub const PREV: Tr = Tr("‹ 이전", "‹ Prev");
pub const NEXT_PAGE: Tr = Tr("다음 페이지", "Next page");
pub const NEXT: Tr = Tr("다음 ›", "Next ›");
pub const TABLE_ROWS: Tr = Tr("테이블 행", "Table rows");
pub const TABLES: Tr = Tr("테이블", "Tables");
pub const SQL_LOG_EMPTY: Tr = Tr(
    "명령(alembic upgrade, sqlite3, python)이 데이터베이스에 실행한 문장이 순서대로 여기에 나옵니다.",
    "Statements a command runs against the database (alembic upgrade, sqlite3, python) are listed here, in order.",
);
pub fn result_n(n: usize, lang: Lang) -> String {
    pick(lang, format!("결과 {n}"), format!("Result {n}"))
}
pub fn none_returned(ran: usize, database: &str, lang: Lang) -> String {
    pick(
        lang,
        format!("{database}에서 문장 {ran}개를 실행했고, 돌려준 행은 없습니다."),
        format!(
            "{ran} statement{} ran on {database}; none returned rows.",
            if ran == 1 { "" } else { "s" }
        ),
    )
}
pub fn rows_span(
    first: usize,
    last: usize,
    total: usize,
    page: usize,
    pages: usize,
    lang: Lang,
) -> String {
    pick(
        lang,
        format!("전체 {total}행 중 {first}–{last}행 · {pages}쪽 중 {page}쪽"),
        format!("Rows {first}–{last} of {total} · page {page} of {pages}"),
    )
}
pub fn rows_of(table: &str, lang: Lang) -> String {
    pick(lang, format!("{table}의 행"), format!("Rows of {table}"))
}
/// The SQL log's heading line, around the command's name: (before, after).
pub fn statements_run_by(n: usize, lang: Lang) -> (String, String) {
    match lang {
        Lang::Ko => (String::new(), format!(" 명령이 실행한 문장 {n}개")),
        Lang::En => (
            format!("{n} statement{} run by ", if n == 1 { "" } else { "s" }),
            String::new(),
        ),
    }
}
pub fn parameters(params: &str, lang: Lang) -> String {
    pick(
        lang,
        format!("매개변수: ({params})"),
        format!("parameters: ({params})"),
    )
}
pub fn failed(error: &str, lang: Lang) -> String {
    pick(lang, format!("실패: {error}"), format!("failed: {error}"))
}

// The undo button (src/ui/components/undo_button.rs).
pub const UNDID: Tr = Tr("되돌렸습니다: ", "Undid ");
pub const UNDO: Tr = Tr("↶ 되돌리기 ", "↶ Undo ");
pub fn undo_named(label: &str, lang: Lang) -> String {
    pick(lang, format!("되돌리기 {label}"), format!("Undo {label}"))
}
pub fn undo_title(label: &str, files: &str, more: usize, lang: Lang) -> String {
    match lang {
        Lang::Ko => {
            let more = if more > 0 {
                format!(" 외 {more}개")
            } else {
                String::new()
            };
            format!("`{label}`이(가) 바꾼 것을 되돌립니다: {files}{more}")
        }
        Lang::En => {
            let more = if more > 0 {
                format!(" and {more} more")
            } else {
                String::new()
            };
            format!("Puts back what `{label}` changed: {files}{more}")
        }
    }
}

// The presenter view (src/ui/components/presenter.rs).
pub const PRESENTER_VIEW: Tr = Tr("발표 화면", "Presenter view");
pub fn presenter_title(name: &str, lang: Lang) -> String {
    pick(
        lang,
        format!("노트북에서 “{name}” 열기"),
        format!("Open “{name}” on your laptop"),
    )
}
pub fn qr_too_long(chars: usize, lang: Lang) -> String {
    pick(
        lang,
        format!("이 링크는 QR 코드로 만들기에 너무 깁니다({chars}자). 텍스트로 공유하세요: 공유를 누른 뒤 복사하세요."),
        format!("This link is too long for a QR code ({chars} characters). Share it as text: Share, then Copy."),
    )
}
pub fn qr_label(chars: usize, lang: Lang) -> String {
    pick(
        lang,
        format!("공유 링크의 QR 코드 ({chars}자)"),
        format!("QR code of the share link ({chars} characters)"),
    )
}

// The header's workspace controls (workspace_bar.rs): titles, prompts and list.
pub const WS_LIST: Tr = Tr("작업 공간 목록", "Workspaces");
pub const WS_SAVED_LIST: Tr = Tr("저장된 작업 공간", "Saved workspaces");
pub const WS_CONFIRM_RESET: Tr = Tr("초기화 확인", "Confirm reset");
pub const WS_NEW_NAME: Tr = Tr("새 이름 ", "New name ");
pub const WS_NAME: Tr = Tr("작업 공간 이름", "Workspace name");
pub const WS_OPEN_FULL_TITLE: Tr = Tr(
    "이 작업을 새 탭의 전체 플레이그라운드에서 엽니다",
    "Opens this work in the full playground, in a new tab",
);
pub const WS_START_OVER: Tr = Tr(
    "처음부터 다시 할까요? 파일, 데이터베이스, 터미널이 모두 바뀝니다. ",
    "Start this over? Its files, database and terminal are replaced. ",
);
pub const WS_BUTTON_TITLE: Tr = Tr(
    "작업 공간 전환, 만들기, 이름 바꾸기, 초기화",
    "Switch, create, rename or reset workspaces",
);
pub const WS_PRESENT_TITLE: Tr = Tr(
    "프로젝터에 띄울 이 작업 공간 링크의 QR 코드",
    "A QR code of this workspace's link, for a projector",
);
pub const WS_OPEN_FILE_TITLE: Tr = Tr(
    "프로젝트 .zip, SQLite 데이터베이스 또는 연습 문제(.md). 페이지에 끌어다 놓아도 됩니다",
    "A project .zip, a SQLite database or an exercise (.md); you can also drop it on the page",
);
pub const WS_OPEN_FILE_INPUT: Tr = Tr(
    ".zip, 데이터베이스 또는 연습 문제 파일 열기",
    "Open a .zip, database or exercise file",
);
pub fn ws_list_failed(e: &str, lang: Lang) -> String {
    pick(
        lang,
        format!("저장된 작업 공간을 읽을 수 없습니다({e})."),
        format!("The saved workspaces cannot be read ({e})."),
    )
}
pub fn ws_open_named(name: &str, lang: Lang) -> String {
    pick(lang, format!("{name} 열기"), format!("Open {name}"))
}
pub fn ws_delete_named(name: &str, lang: Lang) -> String {
    pick(lang, format!("{name} 삭제"), format!("Delete {name}"))
}
pub fn ws_reset_question(name: &str, lang: Lang) -> String {
    pick(
        lang,
        format!(
            "“{name}”을(를) 처음 상태로 초기화할까요? 파일, 데이터베이스, 터미널이 모두 바뀝니다."
        ),
        format!("Reset “{name}” to its start? Its files, database and terminal are replaced."),
    )
}
pub fn ws_delete_question(name: &str, lang: Lang) -> String {
    pick(
        lang,
        format!("이 브라우저에서 “{name}”을(를) 삭제할까요? 되돌릴 수 없습니다."),
        format!("Delete “{name}” from this browser? This cannot be undone."),
    )
}
pub fn ws_unavailable(why: &str, lang: Lang) -> String {
    pick(
        lang,
        format!("이 브라우저에는 작업을 저장할 수 없습니다({why}). 이 탭의 작업은 그대로 있습니다. 보관하려면 .zip으로 내보내세요."),
        format!("Your work cannot be saved in this browser ({why}). Nothing in this tab is lost: export it as a .zip to keep it."),
    )
}
pub fn ws_share_link(chars: usize, lang: Lang) -> String {
    pick(
        lang,
        format!("공유 링크 ({chars}자)"),
        format!("Share link ({chars} characters)"),
    )
}

// What saving, links and imports report in the header (src/ui/storage/). Workspace names
// made here are in the language of the moment; they are the learner's to rename.
pub const NAME_TUTORIAL: Tr = Tr("튜토리얼", "Tutorial");
pub const NAME_BLANK: Tr = Tr("빈 작업 공간", "Blank");
pub const NAME_FROM_LINK: Tr = Tr("링크에서 연 작업 공간", "Opened from a link");
pub const NAME_EMBEDDED: Tr = Tr("임베드", "Embedded");
pub const STORAGE_UNAVAILABLE: Tr = Tr(
    "브라우저 저장소를 쓸 수 없습니다",
    "the browser's storage is unavailable",
);
pub const NO_LONGER_STORED: Tr = Tr(
    "이 브라우저에 더 이상 저장되어 있지 않습니다",
    "it is no longer stored in this browser",
);
pub const NO_ORIGIN: Tr = Tr(
    "시작 상태가 보관되어 있지 않습니다",
    "its starting point was not kept",
);
pub const STILL_STARTING: Tr = Tr(
    "플레이그라운드가 아직 시작하는 중입니다.",
    "The playground is still starting.",
);
pub const STILL_STARTING_LOWER: Tr = Tr(
    "플레이그라운드가 아직 시작하는 중입니다.",
    "the playground is still starting.",
);
pub const NOT_UTF8: Tr = Tr("UTF-8 텍스트가 아닙니다.", "it is not UTF-8 text.");
pub const EXERCISE_NO_TITLE: Tr = Tr(
    "연습 문제는 제목 `# Title`로 시작해야 합니다.",
    "an exercise starts with its title: `# Title`.",
);
pub const OPENED_SHARED: Tr = Tr(
    "공유된 작업 공간을 새 작업 공간으로 열었습니다. 내 작업은 그대로 있습니다.",
    "Opened the shared workspace as a new workspace; your own work is kept.",
);
pub const UPDATED_FROM_OTHER_TAB: Tr = Tr(
    "다른 탭이 이 작업 공간에 저장한 내용으로 갱신했습니다.",
    "Updated with what another tab saved in this workspace.",
);
pub const SHOWING_THEIRS: Tr = Tr(
    "다른 탭이 저장한 내용을 보여 줍니다.",
    "Showing what the other tab saved.",
);
pub const LINK_COPIED: Tr = Tr("링크를 복사했습니다.", "Link copied.");
pub const SELECT_AND_COPY: Tr = Tr("링크를 선택해 복사하세요.", "Select the link and copy it.");
pub const NO_APP_DB: Tr = Tr(
    "아직 app.db가 없습니다: `alembic upgrade head`가 만듭니다.",
    "There is no app.db yet: `alembic upgrade head` creates it.",
);
pub const NEW_TUTORIAL_OPENED: Tr = Tr(
    "새 튜토리얼 작업 공간입니다. 다른 작업은 그대로 있습니다.",
    "A new tutorial workspace; your other work is kept.",
);
pub const NEW_BLANK_OPENED: Tr = Tr(
    "새 빈 작업 공간입니다. 다른 작업은 그대로 있습니다.",
    "A new blank workspace; your other work is kept.",
);
/// `{name}` is filled in with the workspace's name when it is shown.
pub const SWITCHED_TO: Tr = Tr(
    "“{name}”(으)로 전환했습니다. 떠난 작업 공간은 저장되어 있습니다.",
    "Switched to “{name}”; the one you left is saved.",
);
pub fn copy_name(name: &str, lang: Lang) -> String {
    pick(lang, format!("{name} (사본)"), format!("{name} (copy)"))
}
pub fn recovered_name(name: &str, lang: Lang) -> String {
    pick(
        lang,
        format!("{name} (복구됨)"),
        format!("{name} (recovered)"),
    )
}
pub fn db_import_name(file: &str, lang: Lang) -> String {
    pick(
        lang,
        format!("{file} (app.db로)"),
        format!("{file} as app.db"),
    )
}
pub fn imported_name(file: &str, lang: Lang) -> String {
    pick(lang, format!("가져온 {file}"), format!("Imported {file}"))
}
pub fn bad_share_link(e: &str) -> Msg {
    Msg::new(
        format!("이 공유 링크를 열 수 없습니다. {e} 아무것도 바뀌지 않았습니다."),
        format!("This share link could not be opened. {e} Nothing was changed."),
    )
}
pub fn not_restored(e: &str) -> Msg {
    Msg::new(
        format!("저장된 작업 공간을 복원할 수 없어({e}) 따로 보관했습니다. 지금은 새 작업 공간입니다."),
        format!("Your saved workspace could not be restored ({e}) and was kept aside; this is a fresh one."),
    )
}
pub fn embed_kept_aside(e: &str) -> Msg {
    Msg::new(
        format!("이 임베드에 저장된 작업을 읽을 수 없습니다({e}). 작업 공간 목록에 따로 보관했고, 여기서는 처음부터 다시 시작합니다."),
        format!("This embed's saved work could not be read ({e}); it is kept aside in the workspace list, and this starts again."),
    )
}
pub fn embed_not_opened(e: &str) -> Msg {
    Msg::new(
        format!("이 임베드 작업 공간을 열 수 없습니다. {e}"),
        format!("This embedded workspace could not be opened. {e}"),
    )
}
pub fn kept_as_copy(name: &str, copy: &str) -> Msg {
    Msg::new(
        format!("이 탭의 마지막 변경을 저장하는 사이에 다른 탭이 “{name}”을(를) 저장했습니다. 이 탭의 변경은 “{copy}”(으)로 보관했습니다."),
        format!("Another tab saved “{name}” while this tab's last changes to it were on their way; they are kept as “{copy}”."),
    )
}
pub fn other_tab_unreadable(e: &str) -> Msg {
    Msg::new(
        format!("다른 탭이 저장한 내용을 읽을 수 없습니다({e})."),
        format!("What another tab saved could not be read ({e})."),
    )
}
pub fn workspace_not_opened(e: &str) -> Msg {
    Msg::new(
        format!("그 작업 공간을 열 수 없습니다({e}). 아무것도 바뀌지 않았습니다."),
        format!("That workspace could not be opened ({e}). Nothing was changed."),
    )
}
pub fn nothing_changed(e: &str) -> Msg {
    Msg::new(
        format!("{e} 아무것도 바뀌지 않았습니다."),
        format!("{e} Nothing was changed."),
    )
}
pub fn opened_file(file: &str) -> Msg {
    Msg::new(
        format!("{file}을(를) 새 작업 공간으로 열었습니다. 다른 작업은 그대로 있습니다."),
        format!("Opened {file} as a new workspace; your other work is kept."),
    )
}
pub fn file_not_opened(file: &str, e: &str) -> Msg {
    Msg::new(
        format!("{file}을(를) 열 수 없습니다. {e} 아무것도 바뀌지 않았습니다."),
        format!("{file} could not be opened. {e} Nothing was changed."),
    )
}
pub fn now_own_workspace(name: &str) -> Msg {
    Msg::new(
        format!("이 탭의 작업은 이제 별도의 작업 공간 “{name}”입니다. 다른 탭의 작업도 그대로 있습니다."),
        format!("This tab's work is now its own workspace, “{name}”; the other tab's is kept too."),
    )
}
pub fn back_at_start(name: &str) -> Msg {
    Msg::new(
        format!("{name}을(를) 처음 상태로 되돌렸습니다."),
        format!("{name} is back at its start."),
    )
}
pub fn not_reset(name: &str, e: &str) -> Msg {
    Msg::new(
        format!("{name}을(를) 초기화할 수 없습니다({e}). 아무것도 바뀌지 않았습니다."),
        format!("{name} could not be reset ({e}). Nothing was changed."),
    )
}
pub fn renamed_to(name: &str) -> Msg {
    Msg::new(
        format!("이름을 “{name}”(으)로 바꿨습니다."),
        format!("Renamed to “{name}”."),
    )
}
pub fn saved_over_on_close(name: &str) -> Msg {
    Msg::new(
        format!("페이지를 닫기 직전의 변경 위에 다른 탭이 저장했습니다. 그 변경은 “{name}”(으)로 보관했습니다."),
        format!("Changes made just before the page closed were saved over by another tab; they are kept as “{name}”."),
    )
}

/// A command's label as the undo button and the SQL log show it: a terminal line as typed, or
/// `SQL console: …` (src/ui/state/data.rs) with the console's name in the page's language.
pub fn command_label(label: &str, lang: Lang) -> String {
    match label.strip_prefix("SQL console: ") {
        Some(sql) => format!("{}: {sql}", SQL_CONSOLE.get(lang)),
        None => label.to_string(),
    }
}

/// The ER diagram of a schema with more tables than it draws at once.
pub const ER_ON_REQUEST: Tr = Tr(
    "테이블이 많아서 ER 다이어그램은 요청할 때 그립니다.",
    "With this many tables, the ER diagram is drawn on request.",
);
pub const ER_DRAW_ALL: Tr = Tr("테이블 {n}개의 다이어그램 그리기", "Draw all {n} tables");
