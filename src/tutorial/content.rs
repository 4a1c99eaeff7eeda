//! The chapter's steps and the lessons after it: texts in Korean (faithful to the chapter)
//! and English, the check of each, its hints and its "show me".

use super::{Action, Check, Outcome, Step, Text, World};

const fn t(ko: &'static str, en: &'static str) -> Text {
    Text { ko, en }
}

/// Every step, in order: the chapter first, then the lessons beyond it.
pub fn steps() -> Vec<Step> {
    vec![
        Step {
            id: "intro",
            chapter: true,
            title: t("Alembic 소개", "What Alembic is"),
            body: t(
                "Alembic은 SQLAlchemy를 위한 데이터베이스 마이그레이션 도구입니다. 데이터베이스 스키마 변경 사항을 버전 관리하고 적용할 수 있습니다.\n\n주요 기능:\n- 데이터베이스 스키마 변경 이력 관리\n- 자동 마이그레이션 스크립트 생성\n- 마이그레이션 적용 및 롤백\n\n이 플레이그라운드에는 `fastapi_template/` 프로젝트가 준비되어 있습니다. 왼쪽 파일 트리에서 `app/db/models.py`(User, Item 모델), `app/common/database/base.py`, `app/core/config.py`를 열어 보세요. 오른쪽 패널에서는 데이터베이스 스키마와 마이그레이션 이력이 실시간으로 바뀝니다.",
                "Alembic is a database migration tool for SQLAlchemy. It keeps changes to the database schema under version control and applies them.\n\nWhat it does:\n- keeps the history of schema changes\n- generates migration scripts automatically\n- applies migrations, and rolls them back\n\nThe playground has the `fastapi_template/` project ready. Open `app/db/models.py` (the User and Item models), `app/common/database/base.py` and `app/core/config.py` from the file tree. The panels on the right show the database schema and the migration history as they change.",
            ),
            check: Check::Read,
            show_me: vec![],
        },
        Step {
            id: "install",
            chapter: true,
            title: t("Alembic 설치", "Installing Alembic"),
            body: t(
                "Alembic은 pip를 사용하여 설치할 수 있습니다:\n```\n$ pip install alembic\n```\n프로젝트의 `requirements.txt`에 추가하는 것이 좋습니다. 파일 트리에서 `requirements.txt`를 열고 마지막 줄에 `alembic`을 추가하세요:\n```\n# requirements.txt\nalembic\n```\n(이 페이지에는 네트워크가 없어서, pip는 페이지에 내장된 Alembic을 설치합니다.)",
                "Alembic installs with pip:\n```\n$ pip install alembic\n```\nIt is a good idea to add it to the project's `requirements.txt`. Open `requirements.txt` from the file tree and add `alembic` as its last line:\n```\n# requirements.txt\nalembic\n```\n(This page has no network, so pip installs the copy of Alembic built into the page.)",
            ),
            check: Check::World(|w| {
                let listed = w
                    .read("requirements.txt")
                    .is_some_and(|r| r.lines().any(|l| l.trim().to_lowercase().starts_with("alembic")));
                match (w.installed.contains("alembic"), listed) {
                    (true, true) => Outcome::done(),
                    (false, _) => Outcome::todo(Some(t(
                        "터미널에서 `pip install alembic`을 실행하세요.",
                        "Run `pip install alembic` in the terminal.",
                    ))),
                    (true, false) => Outcome::todo(Some(t(
                        "설치되었습니다. 이제 `requirements.txt`에 `alembic` 한 줄을 추가하세요.",
                        "Installed. Now add a line `alembic` to `requirements.txt`.",
                    ))),
                }
            }),
            show_me: vec![
                Action::Type("pip install alembic"),
                Action::Edit {
                    path: "requirements.txt",
                    edit: |text| {
                        if text.lines().any(|l| l.trim().to_lowercase().starts_with("alembic")) {
                            return text.to_string();
                        }
                        let sep = if text.is_empty() || text.ends_with('\n') { "" } else { "\n" };
                        format!("{text}{sep}alembic\n")
                    },
                },
            ],
        },
        Step {
            id: "version",
            chapter: true,
            title: t("설치 확인", "Checking the installation"),
            body: t(
                "설치가 완료되면 다음 명령으로 Alembic 버전을 확인할 수 있습니다:\n```\n$ alembic --version\n```",
                "Once it is installed, this command shows Alembic's version:\n```\n$ alembic --version\n```",
            ),
            check: Check::Goals {
                goals: "ran `alembic --version`",
                hint: |w| match w.tried("alembic --version") {
                    Some(r) if r.exit_code == 127 => Some(t(
                        "`command not found`: 먼저 `pip install alembic`으로 설치하세요.",
                        "`command not found`: install it first with `pip install alembic`.",
                    )),
                    _ => None,
                },
            },
            show_me: vec![Action::Type("alembic --version")],
        },
        Step {
            id: "init",
            chapter: true,
            title: t("Alembic 초기화", "Initialising Alembic"),
            body: t(
                "프로젝트 루트 디렉토리에서 다음 명령을 실행합니다:\n```\n$ alembic init alembic\n```\n이 명령은 다음과 같은 파일 구조를 생성합니다:\n```\nfastapi_template/\n├── alembic/\n│   ├── versions/\n│   │   └── (마이그레이션 파일들)\n│   ├── env.py\n│   ├── README\n│   └── script.py.mako\n└── alembic.ini\n```\n각 파일의 역할:\n- `alembic.ini`: Alembic 설정 파일\n- `alembic/env.py`: 마이그레이션 환경 설정\n- `alembic/versions/`: 마이그레이션 스크립트 저장 디렉토리\n- `alembic/script.py.mako`: 마이그레이션 스크립트 템플릿",
                "From the project's root directory, run:\n```\n$ alembic init alembic\n```\nIt creates this structure:\n```\nfastapi_template/\n├── alembic/\n│   ├── versions/\n│   │   └── (migration files)\n│   ├── env.py\n│   ├── README\n│   └── script.py.mako\n└── alembic.ini\n```\nWhat each file is for:\n- `alembic.ini`: Alembic's configuration file\n- `alembic/env.py`: the migration environment\n- `alembic/versions/`: where migration scripts live\n- `alembic/script.py.mako`: the template for new migration scripts",
            ),
            check: Check::Goals {
                goals: "file `alembic.ini` exists
                        file `alembic/env.py` exists
                        file `alembic/script.py.mako` exists
                        file `alembic/versions` exists",
                hint: |w| match w.tried("alembic init") {
                    Some(r) if r.exit_code == 2 => Some(t(
                        "`init`에는 디렉토리 이름이 필요합니다: `alembic init alembic`.",
                        "`init` needs a directory name: `alembic init alembic`.",
                    )),
                    Some(r) if r.exit_code == 127 => Some(t(
                        "먼저 `pip install alembic`으로 설치하세요.",
                        "Install it first with `pip install alembic`.",
                    )),
                    _ => None,
                },
            },
            show_me: vec![Action::Type("alembic init alembic")],
        },
        Step {
            id: "url",
            chapter: true,
            title: t("데이터베이스 URL 설정", "Setting the database URL"),
            body: t(
                "`alembic.ini` 파일에서 데이터베이스 URL을 설정합니다. 책에서는 PostgreSQL을 씁니다:\n```\n# alembic.ini\nsqlalchemy.url = postgresql://postgres:postgres@localhost:5432/fastapi_db\n```\n이 플레이그라운드의 데이터베이스는 브라우저 안의 SQLite이므로, 같은 줄을 SQLite 파일로 바꿉니다:\n```\nsqlalchemy.url = sqlite:///./app.db\n```\n또는 환경 변수(`settings.DATABASE_URL`)에서 URL을 가져오도록 `env.py`에서 설정할 수 있습니다:\n```\nfrom app.core.config import settings\nconfig.set_main_option(\"sqlalchemy.url\", settings.DATABASE_URL)\n```\n`app/core/config.py`의 기본값도 `sqlite:///./app.db`입니다.",
                "Set the database URL in `alembic.ini`. The chapter uses PostgreSQL:\n```\n# alembic.ini\nsqlalchemy.url = postgresql://postgres:postgres@localhost:5432/fastapi_db\n```\nThe database of this playground is SQLite, inside the browser, so change the same line to a SQLite file:\n```\nsqlalchemy.url = sqlite:///./app.db\n```\nOr take the URL from the environment (`settings.DATABASE_URL`) in `env.py`:\n```\nfrom app.core.config import settings\nconfig.set_main_option(\"sqlalchemy.url\", settings.DATABASE_URL)\n```\n`app/core/config.py` defaults to `sqlite:///./app.db` too.",
            ),
            check: Check::World(|w| {
                let env_sets = w
                    .read("alembic/env.py")
                    .is_some_and(|e| e.contains("set_main_option(") && e.contains("DATABASE_URL") && !e.lines().any(|l| l.trim_start().starts_with('#') && l.contains("set_main_option")));
                let url = w.ini_url().unwrap_or_default();
                if url.starts_with("sqlite") || env_sets {
                    return Outcome::done();
                }
                if url.starts_with("postgres") {
                    return Outcome::todo(Some(t(
                        "여기에는 PostgreSQL 서버가 없습니다. 명령이 `ModuleNotFoundError`나 `OperationalError`로 실패합니다. URL을 `sqlite:///./app.db`로 바꾸세요.",
                        "There is no PostgreSQL server here: commands fail with `ModuleNotFoundError` or `OperationalError`. Change the URL to `sqlite:///./app.db`.",
                    )));
                }
                Outcome::todo(Some(t(
                    "`alembic.ini`의 `sqlalchemy.url = driver://user:pass@localhost/dbname` 줄을 바꾸세요.",
                    "Change the line `sqlalchemy.url = driver://user:pass@localhost/dbname` in `alembic.ini`.",
                )))
            }),
            show_me: vec![Action::Edit {
                path: "alembic.ini",
                edit: |text| replace_line(text, "sqlalchemy.url", "sqlalchemy.url = sqlite:///./app.db"),
            }],
        },
        Step {
            id: "env",
            chapter: true,
            title: t("Alembic 환경 설정", "Configuring the environment"),
            body: t(
                "`alembic/env.py` 파일을 수정하여 SQLAlchemy 모델을 인식하도록 설정합니다. `target_metadata = None` 줄을 다음으로 바꿉니다:\n```\n# 모델 가져오기\nfrom app.common.database.base import Base\nfrom app.db.models import User, Item  # 모든 모델 가져오기\n\n# MetaData 객체 설정\ntarget_metadata = Base.metadata\n```\n모델을 가져오지 않으면 `Base.metadata`가 비어 있어서, autogenerate가 아무것도 감지하지 못합니다.",
                "Edit `alembic/env.py` so that Alembic knows the SQLAlchemy models. Replace the line `target_metadata = None` with:\n```\n# import the models\nfrom app.common.database.base import Base\nfrom app.db.models import User, Item  # import every model\n\n# the MetaData object\ntarget_metadata = Base.metadata\n```\nWithout the models imported, `Base.metadata` stays empty and autogenerate detects nothing.",
            ),
            check: Check::World(|w| {
                let Some(env) = w.read("alembic/env.py") else {
                    return Outcome::todo(None);
                };
                let code: Vec<&str> = env.lines().filter(|l| !l.trim_start().starts_with('#')).collect();
                let has = |s: &str| code.iter().any(|l| l.contains(s));
                let metadata = has("target_metadata = Base.metadata");
                let base = has("import Base");
                let models = has("app.db.models") || has("from app.db import");
                match (metadata, base, models) {
                    (true, true, true) => Outcome::done(),
                    (true, true, false) => Outcome::todo(Some(t(
                        "모델도 가져오세요(`from app.db.models import User, Item`). 그렇지 않으면 `Base.metadata`가 비어 있습니다.",
                        "Import the models as well (`from app.db.models import User, Item`), or `Base.metadata` stays empty.",
                    ))),
                    _ => Outcome::todo(Some(t(
                        "`target_metadata = Base.metadata`와 두 import 줄이 필요합니다.",
                        "It needs `target_metadata = Base.metadata` and the two imports.",
                    ))),
                }
            }),
            show_me: vec![Action::Edit {
                path: "alembic/env.py",
                edit: |text| {
                    if text.contains("target_metadata = Base.metadata") {
                        return text.to_string();
                    }
                    text.replacen(
                        "target_metadata = None",
                        "# 모델 가져오기 / import the models\nfrom app.common.database.base import Base\nfrom app.db.models import User, Item  # 모든 모델 가져오기\n\ntarget_metadata = Base.metadata",
                        1,
                    )
                },
            }],
        },
        Step {
            id: "path",
            chapter: true,
            title: t("Python 경로 설정", "The Python path"),
            body: t(
                "Alembic이 애플리케이션 모듈(`app`)을 찾을 수 있어야 합니다. 방법은 세 가지입니다:\n- `alembic.ini`의 `prepend_sys_path = .` (Alembic 1.20의 템플릿에 이미 들어 있습니다)\n- `PYTHONPATH` 환경 변수: `export PYTHONPATH=$PYTHONPATH:$(pwd)`\n- `env.py`에서 경로 추가:\n```\nimport sys\nfrom pathlib import Path\n\n# 프로젝트 루트 디렉토리를 Python 경로에 추가\nsys.path.append(str(Path(__file__).parent.parent))\n```\n확인해 보세요:\n```\n$ alembic current\n```\n오류 없이 끝나면 `app`을 찾은 것입니다.",
                "Alembic has to find the application's modules (`app`). There are three ways:\n- `prepend_sys_path = .` in `alembic.ini` (Alembic 1.20's template already has it)\n- the `PYTHONPATH` environment variable: `export PYTHONPATH=$PYTHONPATH:$(pwd)`\n- adding the path in `env.py`:\n```\nimport sys\nfrom pathlib import Path\n\n# put the project's root directory on the Python path\nsys.path.append(str(Path(__file__).parent.parent))\n```\nTry it:\n```\n$ alembic current\n```\nIf it ends without an error, `app` was found.",
            ),
            check: Check::World(|w| {
                if w.ran("alembic current") {
                    return Outcome::done();
                }
                match w.tried("alembic current") {
                    Some(r) if r.output.contains("No module named 'app'") => Outcome::todo(Some(t(
                        "`ModuleNotFoundError: No module named 'app'`: 위의 세 가지 방법 중 하나로 프로젝트 루트를 경로에 넣으세요.",
                        "`ModuleNotFoundError: No module named 'app'`: put the project root on the path in one of the three ways above.",
                    ))),
                    Some(_) => Outcome::todo(Some(t(
                        "명령이 실패했습니다. 터미널의 마지막 줄을 읽고 앞 단계의 설정을 확인하세요.",
                        "The command failed. Read its last line in the terminal and check the earlier steps' settings.",
                    ))),
                    None => Outcome::todo(None),
                }
            }),
            show_me: vec![Action::Type("alembic current")],
        },
        Step {
            id: "autogenerate",
            chapter: true,
            title: t("자동 마이그레이션 파일 생성", "Generating a migration"),
            body: t(
                "모델 변경 사항을 감지하여 자동으로 마이그레이션 파일을 생성합니다:\n```\n$ alembic revision --autogenerate -m \"Create user and item tables\"\n```\n이 명령은 `alembic/versions/` 디렉토리에 새로운 마이그레이션 파일을 생성합니다. 파일을 열어 `upgrade()`의 `op.create_table('user', ...)`와 `downgrade()`의 `op.drop_table(...)`을 확인하세요.",
                "Autogenerate detects the models' changes and writes a migration file:\n```\n$ alembic revision --autogenerate -m \"Create user and item tables\"\n```\nThe new file appears in `alembic/versions/`. Open it and find `op.create_table('user', ...)` in `upgrade()` and `op.drop_table(...)` in `downgrade()`.",
            ),
            check: Check::World(|w| {
                let revs = w.revisions();
                let good = revs.iter().any(|(_, _, text)| {
                    text.contains("op.create_table('user'") && text.contains("op.create_table('item'")
                });
                if good {
                    return Outcome::done();
                }
                let empty = revs.iter().any(|(_, _, text)| {
                    text.contains("# ### commands auto generated by Alembic") && !text.contains("op.create_table")
                });
                if empty {
                    return Outcome::todo(Some(t(
                        "빈 마이그레이션이 생성되었습니다: `env.py`가 모델을 가져오지 않았거나 `target_metadata`가 설정되지 않았습니다. 빈 파일을 지우고 env.py를 고친 뒤 다시 실행하세요.",
                        "The migration came out empty: `env.py` does not import the models, or `target_metadata` is not set. Delete the empty file, fix env.py, and run it again.",
                    )));
                }
                match w.tried("alembic revision --autogenerate") {
                    Some(r) if r.output.contains("Target database is not up to date") => Outcome::todo(Some(t(
                        "데이터베이스가 최신 리비전이 아닙니다: 먼저 `alembic upgrade head`.",
                        "The database is behind the latest revision: run `alembic upgrade head` first.",
                    ))),
                    _ => Outcome::todo(None),
                }
            }),
            show_me: vec![Action::Type("alembic revision --autogenerate -m \"Create user and item tables\"")],
        },
        Step {
            id: "upgrade",
            chapter: true,
            title: t("마이그레이션 적용", "Applying migrations"),
            body: t(
                "모든 마이그레이션을 최신 버전으로 적용합니다:\n```\n$ alembic upgrade head\n```\n스키마 패널에 `user`와 `item` 테이블이 나타나고, `alembic_version` 테이블이 현재 리비전을 기록합니다.",
                "Apply every migration up to the latest version:\n```\n$ alembic upgrade head\n```\nThe `user` and `item` tables appear in the schema panel, and the `alembic_version` table records the current revision.",
            ),
            check: Check::Goals {
                goals: "table `user` exists
                        table `item` exists
                        database is at head",
                hint: |w| match w.tried("alembic upgrade") {
                    Some(r) if r.exit_code != 0 => Some(t(
                        "업그레이드가 실패했습니다. 트레이스백의 마지막 줄을 읽어 보세요.",
                        "The upgrade failed. Read the last line of the traceback.",
                    )),
                    _ => None,
                },
            },
            show_me: vec![Action::Type("alembic upgrade head")],
        },
        Step {
            id: "manual",
            chapter: true,
            title: t("수동 마이그레이션 파일 생성", "Writing a migration by hand"),
            body: t(
                "특정 변경 사항을 수동으로 작성할 수도 있습니다:\n```\n$ alembic revision -m \"Add nickname to user\"\n```\n그런 다음 생성된 파일에서 `upgrade()` 및 `downgrade()` 함수를 직접 작성합니다. 예:\n```\ndef upgrade() -> None:\n    op.add_column('user', sa.Column('nickname', sa.String(length=50), nullable=True))\n\n\ndef downgrade() -> None:\n    op.drop_column('user', 'nickname')\n```\n그리고 적용합니다:\n```\n$ alembic upgrade head\n```",
                "You can also write a change by hand:\n```\n$ alembic revision -m \"Add nickname to user\"\n```\nThen write `upgrade()` and `downgrade()` in the new file yourself. For example:\n```\ndef upgrade() -> None:\n    op.add_column('user', sa.Column('nickname', sa.String(length=50), nullable=True))\n\n\ndef downgrade() -> None:\n    op.drop_column('user', 'nickname')\n```\nThen apply it:\n```\n$ alembic upgrade head\n```",
            ),
            check: Check::World(|w| {
                let revs = w.revisions();
                let hand = revs.iter().find(|(_, down, text)| {
                    down.is_some() && !text.contains("# ### commands auto generated by Alembic")
                });
                let Some((rev, _, text)) = hand else {
                    return Outcome::todo(Some(t(
                        "`alembic revision -m \"...\"`로 새 파일을 만드세요 (`--autogenerate` 없이).",
                        "Make a new file with `alembic revision -m \"...\"` (without `--autogenerate`).",
                    )));
                };
                let body = |f: &str| {
                    text.split(&format!("def {f}()"))
                        .nth(1)
                        .map(|b| b.split("\ndef ").next().unwrap_or(b).to_string())
                        .unwrap_or_default()
                };
                let written = |b: String| b.lines().any(|l| l.trim_start().starts_with("op."));
                if !written(body("upgrade")) || !written(body("downgrade")) {
                    return Outcome::todo(Some(t(
                        "새 파일의 `upgrade()`와 `downgrade()`에 `op.` 명령을 쓰세요 (`pass` 대신).",
                        "Write `op.` directives in the new file's `upgrade()` and `downgrade()` (instead of `pass`).",
                    )));
                }
                if w.current().unwrap_or_default() == [rev.clone()] {
                    Outcome::done()
                } else {
                    Outcome::todo(Some(t(
                        "이제 `alembic upgrade head`로 적용하세요.",
                        "Now apply it with `alembic upgrade head`.",
                    )))
                }
            }),
            show_me: vec![Action::Type("alembic revision -m \"Add nickname to user\"")],
        },
        Step {
            id: "relative",
            chapter: true,
            title: t("특정 버전과 상대적 마이그레이션", "Specific and relative targets"),
            body: t(
                "마이그레이션을 이전 버전으로 롤백합니다:\n```\n$ alembic downgrade -1\n```\n특정 버전까지 마이그레이션을 적용하거나 롤백할 수도 있습니다 (리비전 ID는 히스토리 패널이나 `alembic history`에서 확인하세요):\n```\n$ alembic downgrade 1a2b3c4d5e6f\n$ alembic upgrade 1a2b3c4d5e6f\n```\n현재 버전에서 상대적으로 적용합니다:\n```\n$ alembic upgrade +1\n```\n이 단계에서는 `downgrade -1` 뒤에 `upgrade +1`을 실행해 다시 최신 버전으로 돌아오세요.",
                "Roll a migration back to the previous version:\n```\n$ alembic downgrade -1\n```\nYou can also move to a specific version (find revision ids in the history panel or with `alembic history`):\n```\n$ alembic downgrade 1a2b3c4d5e6f\n$ alembic upgrade 1a2b3c4d5e6f\n```\nOr relative to the current version:\n```\n$ alembic upgrade +1\n```\nIn this step, run `downgrade -1` and then `upgrade +1` to come back to the latest version.",
            ),
            check: Check::World(|w| {
                let at_head = w.head().is_some_and(|h| w.current().unwrap_or_default() == [h]);
                match (w.ran("alembic downgrade -1"), w.ran("alembic upgrade +1"), at_head) {
                    (true, true, true) => Outcome::done(),
                    (false, _, _) => Outcome::todo(Some(t("`alembic downgrade -1`부터 실행하세요.", "Start with `alembic downgrade -1`."))),
                    (true, false, _) => Outcome::todo(Some(t("이제 `alembic upgrade +1`.", "Now `alembic upgrade +1`."))),
                    (true, true, false) => Outcome::todo(Some(t(
                        "최신 버전(head)으로 돌아오세요: `alembic upgrade head`.",
                        "Come back to the latest version (head): `alembic upgrade head`.",
                    ))),
                }
            }),
            show_me: vec![Action::Type("alembic downgrade -1")],
        },
        Step {
            id: "base",
            chapter: true,
            title: t("초기 상태로 롤백", "Rolling back to the start"),
            body: t(
                "모든 마이그레이션을 롤백하여 초기 상태로 되돌립니다:\n```\n$ alembic downgrade base\n```\n스키마 패널에서 테이블이 사라지는 것을 확인하세요 (`alembic_version`은 남지만 비어 있습니다). 그다음 다시 적용합니다:\n```\n$ alembic upgrade head\n```",
                "Roll every migration back to the initial state:\n```\n$ alembic downgrade base\n```\nWatch the tables go in the schema panel (`alembic_version` stays, empty). Then apply everything again:\n```\n$ alembic upgrade head\n```",
            ),
            check: Check::Goals {
                goals: "ran `alembic downgrade base`
                        database is at head",
                hint: |w| {
                    w.ran("alembic downgrade base")
                        .then(|| t("이제 `alembic upgrade head`.", "Now `alembic upgrade head`."))
                },
            },
            show_me: vec![Action::Type("alembic downgrade base")],
        },
        Step {
            id: "history",
            chapter: true,
            title: t("마이그레이션 이력 확인", "History and the current version"),
            body: t(
                "현재 적용된 마이그레이션 이력을 확인합니다:\n```\n$ alembic history\n$ alembic current\n```\n`history`는 리비전 파일만 읽고, `current`는 데이터베이스의 `alembic_version`을 읽습니다.",
                "Look at the migration history:\n```\n$ alembic history\n$ alembic current\n```\n`history` reads only the revision files; `current` reads `alembic_version` in the database.",
            ),
            check: Check::Goals {
                goals: "ran `alembic history`
                        ran `alembic current`",
                hint: |w| w.ran("alembic history").then(|| t("이제 `alembic current`.", "Now `alembic current`.")),
            },
            show_me: vec![Action::Type("alembic history")],
        },
        Step {
            id: "module-not-found",
            chapter: true,
            title: t("문제 해결: 모듈을 찾을 수 없음", "Troubleshooting: module not found"),
            body: t(
                "Alembic이 애플리케이션 모듈을 찾지 못하면 이런 오류가 납니다:\n```\nModuleNotFoundError: No module named 'app'\n```\n직접 재현해 보세요. `alembic.ini`에서 `prepend_sys_path = .` 줄 앞에 `#`을 붙여 주석 처리하고 실행합니다:\n```\n$ alembic current\n```\n해결 방법:\n1. `PYTHONPATH` 환경 변수 설정: `export PYTHONPATH=$PYTHONPATH:$(pwd)`\n2. `env.py`에 Python 경로 추가 (앞에서 설명한 대로)\n\n둘 중 하나로 고친 뒤 `alembic current`가 다시 성공하면 완료입니다.",
                "When Alembic cannot find the application's modules, you get:\n```\nModuleNotFoundError: No module named 'app'\n```\nReproduce it: in `alembic.ini`, put a `#` in front of the line `prepend_sys_path = .` and run:\n```\n$ alembic current\n```\nThe fixes:\n1. set the `PYTHONPATH` environment variable: `export PYTHONPATH=$PYTHONPATH:$(pwd)`\n2. add the path in `env.py` (as described earlier)\n\nThe step is complete when `alembic current` succeeds again after one of them.",
            ),
            check: Check::World(|w| {
                reproduced_then_fixed(
                    w,
                    |r| r.output.contains("No module named 'app'"),
                    t(
                        "먼저 오류를 재현하세요: `prepend_sys_path = .`를 주석 처리하고 `alembic current`.",
                        "First reproduce the error: comment out `prepend_sys_path = .` and run `alembic current`.",
                    ),
                    t(
                        "재현했습니다. 이제 `export PYTHONPATH=$PYTHONPATH:$(pwd)` 또는 env.py의 `sys.path.append(...)`로 고치고 `alembic current`.",
                        "Reproduced. Now fix it with `export PYTHONPATH=$PYTHONPATH:$(pwd)` or `sys.path.append(...)` in env.py, and run `alembic current`.",
                    ),
                )
            }),
            show_me: vec![
                Action::Edit {
                    path: "alembic.ini",
                    edit: |text| replace_line(text, "prepend_sys_path", "# prepend_sys_path = ."),
                },
                Action::Type("alembic current"),
            ],
        },
        Step {
            id: "connection-error",
            chapter: true,
            title: t("문제 해결: 데이터베이스 연결 오류", "Troubleshooting: database connection errors"),
            body: t(
                "데이터베이스에 연결하지 못하면 마이그레이션 명령이 실패합니다. 책의 예는 PostgreSQL입니다:\n```\nsqlalchemy.exc.OperationalError: (psycopg2.OperationalError) could not connect to server\n```\n`alembic.ini`의 URL을 `postgresql://postgres:postgres@localhost:5432/fastapi_db`로 바꾸고 `alembic current`를 실행해 보세요. 새 가상 환경에는 PostgreSQL 드라이버가 없으므로 먼저 `ModuleNotFoundError`가 납니다 (드라이버가 있어도 이 페이지에는 PostgreSQL 서버가 없습니다).\n\n해결 방법:\n1. 데이터베이스 서버가 실행 중인지 확인\n2. 데이터베이스 URL이 올바른지 확인\n3. 데이터베이스 사용자 권한 확인\n\n여기서는 URL을 다시 `sqlite:///./app.db`로 돌리고 `alembic current`가 성공하면 완료입니다.",
                "When the database cannot be reached, migration commands fail. The chapter's example is PostgreSQL:\n```\nsqlalchemy.exc.OperationalError: (psycopg2.OperationalError) could not connect to server\n```\nChange the URL in `alembic.ini` to `postgresql://postgres:postgres@localhost:5432/fastapi_db` and run `alembic current`. A fresh virtualenv has no PostgreSQL driver, so you first get a `ModuleNotFoundError` (and with a driver, there is still no PostgreSQL server in this page).\n\nThe fixes:\n1. check that the database server is running\n2. check that the database URL is right\n3. check the database user's permissions\n\nHere, put the URL back to `sqlite:///./app.db`; the step is complete when `alembic current` succeeds.",
            ),
            check: Check::World(|w| {
                reproduced_then_fixed(
                    w,
                    |r| r.exit_code != 0 && (r.output.contains("psycopg") || r.output.contains("OperationalError")),
                    t(
                        "먼저 PostgreSQL URL로 바꾸고 `alembic current`를 실행해 오류를 보세요.",
                        "First switch to the PostgreSQL URL and run `alembic current` to see the error.",
                    ),
                    t(
                        "여기의 데이터베이스는 SQLite입니다. URL을 `sqlite:///./app.db`로 돌리고 `alembic current`.",
                        "The database here is SQLite. Put the URL back to `sqlite:///./app.db` and run `alembic current`.",
                    ),
                )
            }),
            show_me: vec![
                Action::Edit {
                    path: "alembic.ini",
                    edit: |text| replace_line(text, "sqlalchemy.url", "sqlalchemy.url = postgresql://postgres:postgres@localhost:5432/fastapi_db"),
                },
                Action::Type("alembic current"),
            ],
        },
        Step {
            id: "offline",
            chapter: false,
            title: t("더 배우기: 오프라인 SQL", "Beyond the chapter: offline SQL"),
            body: t(
                "`--sql`을 붙이면 Alembic은 데이터베이스에 연결하지 않고 실행될 SQL을 출력합니다. DBA에게 넘길 스크립트를 만들 때 씁니다:\n```\n$ alembic upgrade head --sql\n$ alembic downgrade head:base --sql\n```\n`BEGIN TRANSACTION;`, 각 `CREATE TABLE`, 그리고 `alembic_version`을 갱신하는 `INSERT`/`UPDATE`를 읽어 보세요.",
                "With `--sql`, Alembic does not connect: it prints the SQL it would run. This is how you hand a script to a DBA:\n```\n$ alembic upgrade head --sql\n$ alembic downgrade head:base --sql\n```\nRead the `BEGIN TRANSACTION;`, each `CREATE TABLE`, and the `INSERT`/`UPDATE` that keep `alembic_version`.",
            ),
            check: Check::World(|w| {
                if w.log.iter().any(|r| r.exit_code == 0 && r.line.contains("--sql") && r.line.contains("upgrade")) {
                    return Outcome::done();
                }
                if w.log.iter().any(|r| r.output.contains("batch mode with dialect sqlite requires a live database connection")) {
                    return Outcome::todo(Some(t(
                        "배치 마이그레이션은 테이블을 읽어야 하므로 오프라인으로 만들 수 없습니다. 그 앞까지의 범위를 주세요: `alembic upgrade <리비전> --sql`.",
                        "A batch migration reads the table, so it cannot be generated offline. Give a range that ends before it: `alembic upgrade <revision> --sql`.",
                    )));
                }
                Outcome::todo(None)
            }),
            show_me: vec![Action::Type("alembic upgrade head --sql")],
        },
        Step {
            id: "batch",
            chapter: false,
            title: t("더 배우기: SQLite 배치 모드", "Beyond the chapter: SQLite batch mode"),
            body: t(
                "SQLite는 `ALTER TABLE ... ALTER COLUMN`을 지원하지 않습니다. `app/db/models.py`에서 `full_name`의 길이를 `String(200)`으로 바꾸고 autogenerate 후 `alembic upgrade head`를 실행해 보세요: `near \"ALTER\": syntax error`로 실패합니다.\n\n해결: 생성된 파일에서 `op.alter_column(...)`을 배치 블록으로 감쌉니다 (또는 env.py의 `context.configure(...)`에 `render_as_batch=True`를 넣고 다시 생성):\n```\nwith op.batch_alter_table('user') as batch_op:\n    batch_op.alter_column('full_name',\n               existing_type=sa.VARCHAR(length=100),\n               type_=sa.String(length=200))\n```\nAlembic은 새 테이블을 만들고 데이터를 복사한 뒤 이름을 바꿉니다 (\"move and copy\"). 업그레이드가 성공하면 완료입니다.",
                "SQLite has no `ALTER TABLE ... ALTER COLUMN`. In `app/db/models.py`, change `full_name` to `String(200)`, autogenerate, and run `alembic upgrade head`: it fails with `near \"ALTER\": syntax error`.\n\nThe fix: wrap the `op.alter_column(...)` of the generated file in a batch block (or add `render_as_batch=True` to `context.configure(...)` in env.py and generate again):\n```\nwith op.batch_alter_table('user') as batch_op:\n    batch_op.alter_column('full_name',\n               existing_type=sa.VARCHAR(length=100),\n               type_=sa.String(length=200))\n```\nAlembic creates a new table, copies the data and renames it (\"move and copy\"). The step is complete when the upgrade succeeds.",
            ),
            check: Check::World(|w| {
                let batched = w.revisions().iter().any(|(_, _, text)| text.contains("batch_alter_table"));
                let at_head = w.head().is_some_and(|h| w.current().unwrap_or_default() == [h]);
                if batched && at_head {
                    return Outcome::done();
                }
                let failed = w.log.iter().any(|r| r.output.contains("near \"ALTER\": syntax error"));
                if failed && !batched {
                    return Outcome::todo(Some(t(
                        "바로 그 오류입니다. 생성된 파일을 배치 블록으로 고치고 다시 `alembic upgrade head`.",
                        "That is the error. Rewrite the generated file with a batch block and run `alembic upgrade head` again.",
                    )));
                }
                Outcome::todo(None)
            }),
            show_me: vec![Action::Edit {
                path: "app/db/models.py",
                edit: |text| text.replacen("mapped_column(String(100))", "mapped_column(String(200))", 1),
            }],
        },
        Step {
            id: "branches",
            chapter: false,
            title: t("더 배우기: 브랜치와 병합", "Beyond the chapter: branches and merges"),
            body: t(
                "두 개발자가 같은 리비전에서 각자 마이그레이션을 만들면 head가 두 개가 됩니다. 재현해 보세요 (`<head>`는 현재 head 리비전 ID):\n```\n$ alembic revision -m \"add phone\" --head <head> --splice\n$ alembic revision -m \"add address\" --head <head> --splice\n$ alembic heads\n$ alembic upgrade head\n```\n`upgrade head`는 `Multiple head revisions are present`로 실패합니다. 병합 리비전을 만들어 해결합니다:\n```\n$ alembic merge -m \"merge phone and address\" heads\n$ alembic upgrade head\n```\n히스토리 패널에서 그래프가 갈라졌다가 합쳐지는 것을 보세요.",
                "When two developers each make a migration on top of the same revision, there are two heads. Reproduce it (`<head>` is the current head's id):\n```\n$ alembic revision -m \"add phone\" --head <head> --splice\n$ alembic revision -m \"add address\" --head <head> --splice\n$ alembic heads\n$ alembic upgrade head\n```\n`upgrade head` fails with `Multiple head revisions are present`. A merge revision resolves it:\n```\n$ alembic merge -m \"merge phone and address\" heads\n$ alembic upgrade head\n```\nWatch the graph fork and join in the history panel.",
            ),
            check: Check::World(|w| {
                let merged = w.revisions().iter().any(|(_, down, _)| down.as_deref().is_some_and(|d| d.contains(' ')));
                let at_head = w.head().is_some_and(|h| w.current().unwrap_or_default() == [h]);
                if merged && at_head {
                    return Outcome::done();
                }
                if merged {
                    return Outcome::todo(Some(t("병합했습니다. 이제 `alembic upgrade head`.", "Merged. Now `alembic upgrade head`.")));
                }
                if w.log.iter().any(|r| r.output.contains("Multiple head revisions are present")) {
                    return Outcome::todo(Some(t("이제 `alembic merge -m \"...\" heads`.", "Now `alembic merge -m \"...\" heads`.")));
                }
                Outcome::todo(None)
            }),
            show_me: vec![Action::Type("alembic heads")],
        },
        Step {
            id: "data",
            chapter: false,
            title: t("더 배우기: 데이터 마이그레이션", "Beyond the chapter: data migrations"),
            body: t(
                "마이그레이션은 스키마뿐 아니라 데이터도 바꿀 수 있습니다. `alembic revision -m \"seed users\"`로 파일을 만들고 작성하세요:\n```\ndef upgrade() -> None:\n    user = sa.table('user', sa.column('email', sa.String), sa.column('is_active', sa.Boolean))\n    op.bulk_insert(user, [\n        {'email': 'ada@example.com', 'is_active': True},\n        {'email': 'alan@example.com', 'is_active': False},\n    ])\n    op.execute(\"UPDATE user SET full_name = 'Ada' WHERE email = 'ada@example.com'\")\n\n\ndef downgrade() -> None:\n    op.execute(\"DELETE FROM user WHERE email LIKE '%@example.com'\")\n```\n`alembic upgrade head` 후 `sqlite3 app.db \"SELECT * FROM user\"`로 행을 확인하세요.",
                "Migrations can change data as well as the schema. Make a file with `alembic revision -m \"seed users\"` and write:\n```\ndef upgrade() -> None:\n    user = sa.table('user', sa.column('email', sa.String), sa.column('is_active', sa.Boolean))\n    op.bulk_insert(user, [\n        {'email': 'ada@example.com', 'is_active': True},\n        {'email': 'alan@example.com', 'is_active': False},\n    ])\n    op.execute(\"UPDATE user SET full_name = 'Ada' WHERE email = 'ada@example.com'\")\n\n\ndef downgrade() -> None:\n    op.execute(\"DELETE FROM user WHERE email LIKE '%@example.com'\")\n```\nAfter `alembic upgrade head`, look at the rows with `sqlite3 app.db \"SELECT * FROM user\"`.",
            ),
            check: Check::World(|w| {
                let rows = crate::views::schema::read(w.fs, w.project)
                    .tables
                    .iter()
                    .find(|t| t.name == "user")
                    .map_or(0, |t| t.rows);
                if rows > 0 && w.revisions().iter().any(|(_, _, text)| text.contains("bulk_insert") || text.contains("INSERT")) {
                    Outcome::done()
                } else {
                    Outcome::todo(None)
                }
            }),
            show_me: vec![Action::Type("alembic revision -m \"seed users\"")],
        },
    ]
}

/// A troubleshooting step: complete once a command failed the way `failed` recognises and a
/// later `alembic current` succeeded; until then, what to do first, or what is left.
fn reproduced_then_fixed(
    w: &World<'_>,
    failed: fn(&super::Record) -> bool,
    reproduce: Text,
    fix: Text,
) -> Outcome {
    match w.log.iter().position(failed) {
        None => Outcome::todo(Some(reproduce)),
        Some(i) => {
            let fixed = w.log[i + 1..]
                .iter()
                .any(|r| r.exit_code == 0 && super::same_command(&r.line, "alembic current"));
            if fixed {
                Outcome::done()
            } else {
                Outcome::todo(Some(fix))
            }
        }
    }
}

/// `text` with its first line that starts with `key` replaced by `line` (commented-out
/// lines included, so a learner's `# key = ...` is found too).
fn replace_line(text: &str, key: &str, line: &str) -> String {
    let mut done = false;
    let mut out: Vec<String> = Vec::new();
    for l in text.lines() {
        let bare = l.trim_start().trim_start_matches('#').trim_start();
        if !done && bare.starts_with(key) {
            out.push(line.to_string());
            done = true;
        } else {
            out.push(l.to_string());
        }
    }
    let mut s = out.join("\n");
    if text.ends_with('\n') {
        s.push('\n');
    }
    s
}
