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
import io.sluice.platform.jobs.JobRunner;
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
import io.sluice.platform.store.StateDao;
import io.sluice.platform.store.WorkspaceDao;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Sluice server: metadata store, Config API v1 on the API port and under {@code /api} on the UI
 * port, and the in-process job runner. {@link #start} returns once both ports answer;
 * {@link #close} stops the HTTP servers, cancels running jobs and closes the pool.
 */
public final class SluiceServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SluiceServer.class);
    private static final String UI_PLACEHOLDER = "<!doctype html><html><head><meta charset=\"utf-8\"><title>Sluice</title>"
            + "</head><body><h1>Sluice</h1><p>The web UI comes soon. The Config API is served under "
            + "<a href=\"/api/v1/openapi.json\">/api/v1</a>.</p></body></html>";

    private final Database database;
    private final List<JobRunner> runners;
    private final ConnectionScheduler scheduler;
    private final ScheduledExecutorService housekeeping;
    private final Javalin api;
    private final Javalin ui;

    private SluiceServer(Database database, List<JobRunner> runners, ConnectionScheduler scheduler,
            ScheduledExecutorService housekeeping, Javalin api, Javalin ui) {
        this.housekeeping = housekeeping;
        this.database = database;
        this.scheduler = scheduler;
        this.runners = runners;
        this.api = api;
        this.ui = ui;
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
        Database database = Database.open(settings);
        List<JobRunner> runners = new ArrayList<>();
        ScheduledExecutorService housekeeping = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sluice-housekeeping");
            t.setDaemon(true);
            return t;
        });
        ConnectionScheduler scheduler = new ConnectionScheduler(database.dataSource(),
                database.dao(ConnectionDao.class), clock, settings.jobs().schedulerPoll());
        try {
            Credentials credentials = new Credentials(database.dao(AuthDao.class));
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
            ConfigSecrets secrets = new ConfigSecrets(SecretCipher.load(settings.secretKey(), settings.dataDir()));
            ConnectorDefinitions definitions =
                    new ConnectorDefinitions(ConnectorRegistry.load(), database.dao(DefinitionDao.class));
            SyncMetrics metrics = new SyncMetrics();
            SyncAlerts alerts = new SyncAlerts(database.dao(ConnectionDao.class), database.dao(ActorDao.class),
                    database.dao(NotificationDao.class), scheduler, new Notifier(), settings.jobs().failureThreshold());
            JobRunner.Factory factory = planner -> {
                JobRunner runner = new JobRunner(database.dao(JobDao.class), database.dao(StateDao.class), planner,
                        settings.dataDir().resolve("logs").resolve("jobs"), settings.jobs(), alerts, metrics);
                runners.add(runner);
                return runner;
            };
            Routes routes = new Routes(database, definitions, secrets, factory, new AdminApi(credentials),
                    scheduler, metrics);
            runners.forEach(JobRunner::failLeftovers);
            FirstStart.ensure(database.dao(WorkspaceDao.class), database.dao(ActorDao.class),
                    database.dao(ConnectionDao.class), definitions, secrets, routes, settings.dataDir());
            JobRunner runner = runners.get(0);
            scheduler.start(runner::sync);
            JobDao jobDao = database.dao(JobDao.class);
            ContinuousConnections continuous = new ContinuousConnections(database.dao(ConnectionDao.class), jobDao,
                    runner::sync, runner::cancel, settings.jobs().retryBackoff(), Clock.systemUTC());
            housekeeping.scheduleWithFixedDelay(continuous::check, 0, settings.jobs().schedulerPoll().toMillis(),
                    TimeUnit.MILLISECONDS);
            LogRetention retention = new LogRetention(settings.dataDir().resolve("logs").resolve("jobs"),
                    settings.jobs().logRetention(), settings.jobs().logMaxBytes(), clock,
                    () -> jobDao.listActive().stream().map(JobRow::id).collect(Collectors.toSet()));
            housekeeping.scheduleWithFixedDelay(() -> {
                try {
                    retention.sweep();
                } catch (RuntimeException e) {
                    LOG.warn("log retention failed: {}", e.getMessage());
                }
            }, 0, 1, TimeUnit.HOURS);
            AuthFilter auth = new AuthFilter(credentials, settings.authRequired(), settings.bind());
            Javalin api = http(settings.bind(), settings.apiPort(), routes, auth, false);
            Javalin ui;
            try {
                ui = http(settings.bind(), settings.uiPort(), routes, auth, true);
            } catch (RuntimeException e) {
                api.stop();
                throw e;
            }
            LOG.info("Sluice is ready: API on http://{}:{}/api/v1, UI on http://{}:{}", settings.bind(), api.port(),
                    settings.bind(), ui.port());
            return new SluiceServer(database, runners, scheduler, housekeeping, api, ui);
        } catch (RuntimeException e) {
            housekeeping.shutdownNow();
            scheduler.close();
            runners.forEach(JobRunner::close);
            database.close();
            throw e;
        }
    }

    private static Javalin http(String bind, int port, Routes routes, AuthFilter auth, boolean withUi) {
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.jsonMapper(new ApiJson());
            config.http.prefer405over404 = true;
            config.jetty.host = bind;
            config.jetty.port = port;
            routes.register(config.routes, auth);
            if (withUi) {
                config.routes.get("/", ctx -> ctx.html(UI_PLACEHOLDER));
            }
        });
        return app.start();
    }

    public int apiPort() {
        return api.port();
    }

    public int uiPort() {
        return ui.port();
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
        ui.stop();
        api.stop();
        housekeeping.shutdownNow();
        scheduler.close();
        runners.forEach(JobRunner::close);
        database.close();
    }
}
