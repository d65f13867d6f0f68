package io.sluice.platform;

import io.javalin.Javalin;
import io.sluice.cdk.ConnectorRegistry;
import io.sluice.platform.api.AdminApi;
import io.sluice.platform.api.ApiJson;
import io.sluice.platform.api.FirstStart;
import io.sluice.platform.api.Routes;
import io.sluice.platform.auth.AuthFilter;
import io.sluice.platform.auth.Credentials;
import io.sluice.platform.connectors.ConnectorDefinitions;
import io.sluice.platform.jobs.JobQueue;
import io.sluice.platform.jobs.JobRunner;
import io.sluice.platform.jobs.JobWorker;
import io.sluice.platform.jobs.LogRetention;
import io.sluice.platform.metrics.SyncMetrics;
import io.sluice.platform.notify.Notifier;
import io.sluice.platform.notify.SyncAlerts;
import io.sluice.platform.schedule.ConnectionScheduler;
import io.sluice.platform.schedule.ContinuousConnections;
import io.sluice.platform.secrets.ConfigSecrets;
import io.sluice.platform.secrets.SecretCipher;
import io.sluice.platform.store.ActorDao;
import io.sluice.platform.store.AuthDao;
import io.sluice.platform.store.ConnectionDao;
import io.sluice.platform.store.Database;
import io.sluice.platform.store.DefinitionDao;
import io.sluice.platform.store.JobDao;
import io.sluice.platform.store.JobRow;
import io.sluice.platform.store.NotificationDao;
import io.sluice.platform.store.SetupDao;
import io.sluice.platform.store.StateDao;
import io.sluice.platform.store.WorkspaceDao;
import io.sluice.platform.ui.WebUi;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Sluice node: metadata store, and by its role the Config API v1 on the API port and under
 * {@code /api} on the UI port with the schedules (server), the job worker (worker), or both (all).
 * {@link #start} returns once the ports answer; {@link #close} stops the HTTP servers, hands running
 * jobs back to the store (they go on from their last acknowledged state) and closes the pool.
 */
public final class SluiceServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SluiceServer.class);

    private final Database database;
    private final Optional<JobWorker> worker;
    private final ConnectionScheduler scheduler;
    private final ScheduledExecutorService housekeeping;
    private final List<Javalin> http;
    private final int apiPort;
    private final int uiPort;

    private SluiceServer(Database database, Optional<JobWorker> worker, ConnectionScheduler scheduler,
            ScheduledExecutorService housekeeping, List<Javalin> http, int apiPort, int uiPort) {
        this.housekeeping = housekeeping;
        this.database = database;
        this.scheduler = scheduler;
        this.worker = worker;
        this.http = http;
        this.apiPort = apiPort;
        this.uiPort = uiPort;
    }

    /**
     * Opens (and migrates) the metadata store, prepares a new installation, and starts both ports.
     *
     * @throws StartupException when the bind is beyond loopback while the admin password is the default
     */
    public static SluiceServer start(PlatformSettings settings) {
        return start(settings, Clock.systemUTC());
    }

    /** Starts with the clock that schedules are computed on (tests move it). */
    public static SluiceServer start(PlatformSettings settings, Clock clock) {
        return start(settings, NodeSettings.all(), clock);
    }

    /**
     * Starts the parts of Sluice that the node's role asks for: a {@code server} serves the API and
     * fires schedules, a {@code worker} runs jobs (and answers {@code GET /health} on its health port
     * if it has one), {@code all} does both.
     *
     * @throws StartupException for a server or worker role on the embedded store, which one process holds
     */
    public static SluiceServer start(PlatformSettings settings, NodeSettings node, Clock clock) {
        if (node.role() != NodeSettings.Role.ALL && settings.databaseUrl().isEmpty()) {
            throw new StartupException("--role " + node.role().name().toLowerCase(java.util.Locale.ROOT)
                    + " needs a metadata store that several processes share: set SLUICE_DATABASE_URL to a PostgreSQL"
                    + " database (the embedded H2 store only works with --role all)");
        }
        Database database = Database.open(settings);
        List<JobWorker> workers = new ArrayList<>();
        List<Javalin> http = new ArrayList<>();
        ScheduledExecutorService housekeeping = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sluice-housekeeping");
            t.setDaemon(true);
            return t;
        });
        ConnectionScheduler scheduler = new ConnectionScheduler(database.dataSource(),
                database.dao(ConnectionDao.class), clock, settings.jobs().schedulerPoll());
        try {
            Credentials credentials = new Credentials(database.dao(AuthDao.class));
            if (node.role().serves()) {
                checkAdmin(settings, credentials);
            }
            ConfigSecrets secrets = new ConfigSecrets(SecretCipher.load(settings.secretKey(), settings.dataDir()));
            ConnectorDefinitions definitions =
                    new ConnectorDefinitions(ConnectorRegistry.load(), database.dao(DefinitionDao.class));
            SyncMetrics metrics = new SyncMetrics();
            SyncAlerts alerts = new SyncAlerts(database.dao(ConnectionDao.class), database.dao(ActorDao.class),
                    database.dao(NotificationDao.class), scheduler, new Notifier(), settings.jobs().failureThreshold());
            Path logDir = settings.dataDir().resolve("logs").resolve("jobs");
            List<JobQueue> queues = new ArrayList<>();
            JobQueue.Factory factory = planner -> {
                if (node.role().works()) {
                    JobRunner runner = new JobRunner(database.dao(JobDao.class), database.dao(StateDao.class), planner,
                            logDir, settings.jobs(), node.name(), alerts, metrics);
                    workers.add(new JobWorker(database, runner, node, settings.jobs().workers()));
                }
                JobQueue queue = new JobQueue(database.dao(JobDao.class), database.dataSource(),
                        () -> workers.forEach(JobWorker::checkNow));
                queues.add(queue);
                return queue;
            };
            Routes routes = new Routes(database, definitions, secrets, factory, new AdminApi(credentials),
                    scheduler, metrics);
            if (node.role().serves()) {
                FirstStart.ensure(database.dao(WorkspaceDao.class), database.dao(ActorDao.class),
                        database.dao(ConnectionDao.class), definitions, secrets, routes, settings.dataDir());
            }
            workers.forEach(JobWorker::start);
            if (node.role().serves()) {
                scheduler.start(queues.get(0)::sync);
            }
            JobDao jobDao = database.dao(JobDao.class);
            if (node.role().serves()) {
                JobQueue queue = queues.get(0);
                ContinuousConnections continuous = new ContinuousConnections(database.dao(ConnectionDao.class), jobDao,
                        queue::sync, queue::cancel, settings.jobs().retryBackoff(), Clock.systemUTC());
                housekeeping.scheduleWithFixedDelay(continuous::check, 0, settings.jobs().schedulerPoll().toMillis(),
                        TimeUnit.MILLISECONDS);
            }
            LogRetention retention = new LogRetention(logDir, settings.jobs().logRetention(),
                    settings.jobs().logMaxBytes(), clock,
                    () -> jobDao.listActive().stream().map(JobRow::id).collect(Collectors.toSet()));
            housekeeping.scheduleWithFixedDelay(() -> {
                try {
                    retention.sweep();
                } catch (RuntimeException e) {
                    LOG.warn("log retention failed: {}", e.getMessage());
                }
            }, 0, 1, TimeUnit.HOURS);
            if (node.role().serves()) {
                AuthFilter auth = new AuthFilter(credentials, settings.authRequired(), settings.bind());
                WebUi ui = new WebUi(credentials, database.dao(WorkspaceDao.class), database.dao(SetupDao.class),
                        database.dao(ConnectionDao.class), jobDao, routes);
                // The UI port first: once the API port answers, both do (scripts and tests wait on the API's health).
                Javalin uiHttp = http(settings.bind(), settings.uiPort(), routes, auth, Optional.of(ui));
                http.add(uiHttp);
                Javalin apiHttp = http(settings.bind(), settings.apiPort(), routes, auth, Optional.empty());
                http.add(apiHttp);
                LOG.info("Sluice is ready ({} node {}): API on http://{}:{}/api/v1, UI on http://{}:{}",
                        node.role(), node.name(), settings.bind(), apiHttp.port(), settings.bind(), uiHttp.port());
                return new SluiceServer(database, workers.stream().findFirst(), scheduler, housekeeping, http,
                        apiHttp.port(), uiHttp.port());
            }
            if (node.healthPort() >= 0) {
                http.add(WorkerHealth.start(settings.bind(), node.healthPort(), metrics));
            }
            LOG.info("Sluice worker {} is ready: {} jobs at once, taken over {} s after its heartbeats stop",
                    node.name(), settings.jobs().workers(), node.takeoverAfter().toSeconds());
            int health = http.isEmpty() ? -1 : http.get(0).port();
            return new SluiceServer(database, workers.stream().findFirst(), scheduler, housekeeping, http, health,
                    health);
        } catch (RuntimeException e) {
            http.forEach(Javalin::stop);
            housekeeping.shutdownNow();
            scheduler.close();
            workers.forEach(JobWorker::close);
            database.close();
            throw e;
        }
    }

    private static void checkAdmin(PlatformSettings settings, Credentials credentials) {
        credentials.ensureAdmin();
        if (settings.adminPassword().isPresent()) {
            credentials.setPassword(settings.adminPassword().get()).ifPresent(problem -> {
                throw new StartupException("SLUICE_ADMIN_PASSWORD " + problem);
            });
        }
        if (!AuthFilter.isLoopback(settings.bind()) && credentials.defaultPassword()) {
            throw new StartupException("refusing to listen on " + settings.bind() + " while the admin password is"
                    + " still the default one; set SLUICE_ADMIN_PASSWORD (8+ characters) or change it with"
                    + " POST /api/v1/admin/update_password on a loopback-bound server first");
        }
    }

    private static Javalin http(String bind, int port, Routes routes, AuthFilter auth, Optional<WebUi> ui) {
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.jsonMapper(new ApiJson());
            config.http.prefer405over404 = true;
            config.jetty.host = bind;
            config.jetty.port = port;
            routes.register(config.routes, auth);
            ui.ifPresent(webUi -> webUi.register(config));
        });
        return app.start();
    }

    /** The API port; on a worker node, its health port (-1 when it has none). */
    public int apiPort() {
        return apiPort;
    }

    /** The UI port; on a worker node, its health port (-1 when it has none). */
    public int uiPort() {
        return uiPort;
    }

    /** The schedules of this server's connections. */
    public ConnectionScheduler scheduler() {
        return scheduler;
    }

    public Database database() {
        return database;
    }

    @Override
    public void close() {
        LOG.info("Sluice is stopping");
        http.forEach(Javalin::stop);
        housekeeping.shutdownNow();
        scheduler.close();
        worker.ifPresent(JobWorker::close);
        database.close();
    }
}
