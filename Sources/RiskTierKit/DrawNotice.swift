import Domain
import Lottery

/// `notice.html`: the printable public notice (抽查结果公示) of a draw, in Chinese, as a bureau
/// publishes it (DOMAIN.md §3.3): task, dates, manifest digest, seed and its source, per-tier
/// counts and rates, each selected enterprise with name, credit code, tier and team, and the
/// unassigned ones. Self-contained: inline CSS, no script, no network, no clock.
public enum DrawNotice {
    public static func html(record: DrawRecord, frozen: FrozenDraw, names: [String: String]) -> String {
        let task = frozen.manifest.plan.task
        let title = task?.title ?? "双随机抽查"
        var html = """
        <!DOCTYPE html>
        <html lang="zh-CN">
        <head>
        <meta charset="utf-8">
        <title>\(escape(title))——随机抽取结果公示</title>
        <style>
        body { font-family: "Noto Serif CJK SC", "Songti SC", SimSun, serif; max-width: 60em; margin: 2em auto; color: #000; line-height: 1.6; }
        h1 { text-align: center; font-size: 1.6em; }
        table { border-collapse: collapse; width: 100%; margin: 1em 0; }
        th, td { border: 1px solid #444; padding: 0.25em 0.5em; text-align: left; vertical-align: top; }
        th { background: #eee; }
        code { font-family: "Noto Sans Mono CJK SC", monospace; word-break: break-all; }
        .num { text-align: right; }
        @media print { body { margin: 0; } }
        </style>
        </head>
        <body>
        <h1>\(escape(title))<br>随机抽取结果公示</h1>

        """
        html += "<h2>一、抽查事项</h2>\n<table>\n"
        if let task {
            html += row("任务编号", escape(task.id))
            html += row("监管领域", "\(escape(task.domain.chineseName))（<code>\(task.domain.rawValue)</code>）")
            html += row("计划检查日期", task.date.description)
        }
        html += row("检查组人数", "每户 \(frozen.manifest.plan.teamSize) 名执法人员")
        html += row("抽取方法", "<code>\(escape(record.algorithm))</code>（一致性抽样，SHA-256）")
        html += "</table>\n"

        html += "<h2>二、抽取前公布的数据与随机种子</h2>\n<table>\n"
        html += row("名录库摘要（manifest.json 的 SHA-256）", "<code>\(record.manifestSHA256)</code>")
        html += row("随机种子", "<code>\(escape(record.seed))</code>")
        html += row("种子来源", escape(task?.seedSource ?? "（计划未载明）"))
        html += "</table>\n"

        html += "<h2>三、各风险类别抽取情况</h2>\n<table>\n<tr><th>风险分类</th><th class=\"num\">对象总数</th><th class=\"num\">抽取比例</th><th class=\"num\">抽取户数</th></tr>\n"
        for stratum in record.strata {
            html += "<tr><td>\(stratumName(stratum.stratum))</td><td class=\"num\">\(stratum.population)</td>"
                + "<td class=\"num\">\(percent(stratum.rateBasisPoints))</td><td class=\"num\">\(stratum.sampleSize)</td></tr>\n"
        }
        html += "<tr><th>合计</th><th class=\"num\">\(record.strata.map(\.population).reduce(0, +))</th><th></th>"
            + "<th class=\"num\">\(record.selections.count)</th></tr>\n</table>\n"

        html += "<h2>四、抽取结果</h2>\n<table>\n<tr><th class=\"num\">序号</th><th>企业名称</th><th>统一社会信用代码</th><th>风险分类</th><th>检查人员</th></tr>\n"
        for selection in record.selections {
            let team = selection.team.isEmpty
                ? "未能组成检查组（见第五部分）"
                : selection.team.map { member in
                    names[member.inspectorID].map { "\(escape($0))（<code>\(escape(member.inspectorID))</code>）" } ?? "<code>\(escape(member.inspectorID))</code>"
                }.joined(separator: "、")
            html += "<tr><td class=\"num\">\(selection.rank)</td><td>\(escape(names[selection.enterpriseID] ?? "—"))</td>"
                + "<td><code>\(escape(selection.enterpriseID))</code></td><td>\(stratumName(selection.stratum))</td><td>\(team)</td></tr>\n"
        }
        html += "</table>\n"

        html += "<h2>五、未能组成检查组的企业</h2>\n"
        if record.unassigned.isEmpty {
            html += "<p>无。</p>\n"
        } else {
            html += "<p>以下企业已被抽中，但符合资质、无回避情形且工作量未满的执法人员不足 \(frozen.manifest.plan.teamSize) 名，未自动补足；如需重新抽取检查人员，须另行公布新的随机种子。</p>\n"
            html += "<table>\n<tr><th>统一社会信用代码</th><th>企业名称</th><th>原因</th></tr>\n"
            for entry in record.unassigned {
                html += "<tr><td><code>\(escape(entry.enterpriseID))</code></td><td>\(escape(names[entry.enterpriseID] ?? "—"))</td><td>\(escape(entry.reason))</td></tr>\n"
            }
            html += "</table>\n"
        }

        html += """
        <h2>六、复核方法</h2>
        <p>任何人均可使用公布的名录库文件（population.csv、roster.csv、conflicts.csv、manifest.json）和上述随机种子重新计算本次抽取结果：
        <code>risktier draw verify --frozen 目录 --record record.json</code>，或按 <code>\(escape(record.algorithm))</code> 算法说明自行编写程序复核。</p>
        </body>
        </html>

        """
        return html
    }

    static func row(_ label: String, _ value: String) -> String { "<tr><th>\(label)</th><td>\(value)</td></tr>\n" }

    static func stratumName(_ stratum: DrawStratum) -> String {
        if let tier = stratum.tier { return "\(tier.rawValue) 类（\(tier.chineseName)）" }
        return escape(stratum.name)
    }

    /// Basis points as a percentage with two decimals: 300 → 3.00%.
    static func percent(_ basisPoints: Int) -> String {
        let fraction = String(basisPoints % 100)
        return "\(basisPoints / 100).\(fraction.count == 1 ? "0" + fraction : fraction)%"
    }

    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }
}
