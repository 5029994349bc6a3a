/** The `allweather --help` text. */
export const USAGE = `全天候 AllWeather — 城市网格化管理离散事件仿真 / discrete-event simulation of city grid management

用法 Usage:
  allweather run <scenario.json> [options]            运行场景 / run a scenario
  allweather compare <a.json> [b.json] [--set p=v]    A/B 比较（共同随机数）/ A/B comparison (common random numbers)
  allweather sweep <scenario.json> --param p=v1,v2    参数扫描与成本前沿 / parameter sweep and cost frontier
  allweather staffing <scenario.json> --shift team.i  最少人员排班搜索 / fewest staff meeting a target
  allweather diagnose <scenario.json>                 超时原因与对策 / why cases are late, and the levers
  allweather optimise <scenario.json>                 多队伍最省达标排班 / cheapest roster over several teams meeting a criterion
  allweather export <scenario.json> [options]         导出 CSV/JSON/Arrow/Parquet 与清单 / export CSV/JSON/Arrow/Parquet with a manifest
  allweather replay <manifest.json|folder|zip>        按清单核对文件并重放 / check the files and re-run a manifest exactly
  allweather validate <scenario.json>                 校验场景 / check a scenario file
  allweather import <district.geojson> --out <s.json> 由辖区 GeoJSON（及案件记录）生成场景 / a scenario from a district's GeoJSON (and case log)
  allweather schema                                   输出 JSON Schema / print the scenario JSON Schema
  allweather worker --queue redis://host:port         队列工作进程（BullMQ）/ a queue worker running replications for --queue

通用选项 common options (run, diagnose, optimise, compare, sweep, staffing, export):
  --seed N            首次重复的种子（默认取场景 run.seed）/ seed of replication 0 (default: the scenario's run.seed); replication r uses N + r
  --replications R    重复次数 / replications (run, export: 1; diagnose: 4; optimise: 6; compare: 10; sweep: 5; staffing: 8)
  --days D            每次重复的天数（默认取场景 run.days，至多 366）/ simulated days (default: the scenario's run.days; at most 366)
  --workers W         并行线程数 / worker threads (default: CPUs)
  --set path=value    覆盖场景字段，可重复 / override a scenario field, repeatable, e.g. --set city.gridSize=4 --set nightStaff=6
                      路径也可照错误信息的写法 / a path as error messages print it works too: --set '$.teams[0].shifts[1].staff=3'
  --json              以一个 JSON 对象输出到 stdout / print one JSON object on stdout
  --force             超过运行规模上限仍运行 / run even when the run-size estimate is over the limits (also replay)
  --progress          进度写到 stderr（即使不是终端）/ progress on stderr even when it is not a terminal (also replay)
  --queue URL         经 Redis 队列交给 allweather worker 运行（输出与本地相同）/ run the replications on allweather workers
                      through a Redis queue (same output as locally): redis://[:password@]host:port[/db]; --workers is then
                      the replications in flight (default 64); password also from ALLWEATHER_REDIS_PASSWORD
  （上限 limits: --days ≤ 366, --replications ≤ 10000; 文件 files ≤ 20 MB; 估计上限 estimate limits: 每次重复 2.5×10⁸ 事件 events and 1.5 GB per replication,
   共 2×10⁹ 事件 events in all — ALLWEATHER_MAX_EVENTS_PER_RUN, ALLWEATHER_MAX_EVENTS, ALLWEATHER_MAX_MEMORY_MB 可改 / override them）
  -h, --help          显示帮助 / show this help
  （--set 命名项 named: staffScale=F 全部班次乘以系数 / every shift × F; nightStaff=N 所有队伍 02:00 在岗的每个班次（按网格排班的为每网格）/
   every shift of every team on duty at 02:00 (per grid for perGrid teams); holdHeadcount=true 最后应用、保持在岗人数 / applied last, keeps headcount）

run:      --out DIR (result.json, summary.csv)  --log (cases.csv with --out)
compare:  b.json 省略时 B = A 加 --set / without b.json, B = A with the --set overrides
          --hold-headcount  网格数变化时 B 保持 A 的在岗人数 / B keeps A's headcount when its grids differ (= --set holdHeadcount=true)
          --independent  B 用不同种子（对照用）/ B on other seeds (to see what CRN buys)  --out DIR
sweep:    --param path=v1,v2,... 或 a..b[:step]，最多两个 / or a..b[:step], at most two
          --out DIR (sweep.json, sweep.csv, sweep-replications.csv, manifest.json: replays with allweather replay DIR)
          --hold-headcount  每个组合保持场景的在岗人数 / every point keeps the scenario's headcount (= --set holdHeadcount=true)
staffing: --shift team.index，可重复（逐班次贪心）/ repeatable (greedy, one shift at a time)
          --target 0.8  --confidence 0.95  --criterion coverage|hourly  --min-staff N  --max-staff N
          --out DIR (staffing.csv, staffing.json, manifest.json: replays with allweather replay DIR)
diagnose: --out DIR (diagnosis.json, manifest.json: replays with allweather replay DIR)
optimise: --criterion coverage|hourly|types  --target 0.8  --confidence 0.95  --teams a,b（默认全部处置队伍 / default every case-handling team）
          --fixed c,d  --min-staff path=N  --max-staff path=N  --budget-evaluations 40  --verify-replications R
          --out DIR (optimise-plan.csv, optimise-evaluations.csv, optimise.json, manifest.json: replays with allweather replay DIR)
export:   --format csv,json,arrow,parquet（默认 / default csv,json,arrow）  --cases (case rows in tidy.csv)  --out DIR
import:   --out <scenario.json>（必需 / required）  --base <scenario.json>（默认 / default scenarios/baseline-weekday.json）
          --cell-size 100（米 / m）  --cases <log.csv>（按案件记录校准 / calibrate from a case log）  --report DIR  --json
          --trace carry|replay（随 --cases：携带／重放记录中的案件 / with --cases: carry / replay the log's own cases）
worker:   --queue URL（或 or ALLWEATHER_QUEUE_URL）  --concurrency N（默认 CPU 数 / default CPUs）  --grace-seconds 20
          （SIGTERM：完成或释放运行中的任务后退出 / finishes or releases its running jobs, then exits）  --lock-ms 30000  --stalled-ms 30000
replay:   --out DIR 重写导出 / write the bundle again  --format, --cases 同导出 / as in the export
          重放应用下载的任一实验压缩包（重复、A/B、扫描、人员搜索、最省方案、诊断），逐字节比对每个文件 /
          replays any experiment zip from the app (replications, A/B, sweep, staffing, optimise, diagnosis), every file byte for byte
`;
