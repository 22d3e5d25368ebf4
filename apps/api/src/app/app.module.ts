import { DynamicModule, Global, Module, RequestMethod, Type } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { AuditModule } from '../audit/audit.module';
import { AuthModule } from '../auth/auth.module';
import { CitiesModule } from '../cities/cities.module';
import { CommitmentsModule } from '../commitments/commitments.module';
import { APP_CONFIG, AppConfig } from '../config';
import { DashboardModule } from '../dashboard/dashboard.module';
import { dataSourceOptions } from '../database/data-source-options';
import { EngagementsModule } from '../engagements/engagements.module';
import { FollowUpsModule } from '../follow-ups/follow-ups.module';
import { ContactLinksModule } from '../follow-ups/contact-links/contact-links.module';
import { HealthModule } from '../health/health.module';
import { HubsModule } from '../hubs/hubs.module';
import { ImportsModule } from '../imports/imports.module';
import { OutcomesModule } from '../outcomes/outcomes.module';
import { PartnersModule } from '../partners/partners.module';
import { JobsModule } from '../jobs/jobs.module';
import { MailModule } from '../mail/mail.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { RemindersModule } from '../reminders/reminders.module';
import { PlacesModule } from '../places/places.module';
import { SearchModule } from '../search/search.module';
import { StoriesModule } from '../stories/stories.module';
import { UsersModule } from '../users/users.module';
import { pinoHttpOptions } from './logging';

@Global()
@Module({})
class ConfigModule {
  static register(config: AppConfig): DynamicModule {
    return {
      module: ConfigModule,
      providers: [{ provide: APP_CONFIG, useValue: config }],
      exports: [APP_CONFIG],
    };
  }
}

export interface AppModuleOptions {
  config: AppConfig;
  /** The PostgreSQL to use: DATABASE_URL, or the embedded server's URL. */
  databaseUrl: string;
  /** Extra modules (tests mount probe controllers this way). */
  extraModules?: Array<Type | DynamicModule>;
}

@Module({})
export class AppModule {
  static register({ config, databaseUrl, extraModules = [] }: AppModuleOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.register(config),
        // Named wildcard (path-to-regexp 8): every route, without Nest's legacy-route warning.
        LoggerModule.forRoot({ pinoHttp: pinoHttpOptions(config), forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }] }),
        TypeOrmModule.forRoot(
          dataSourceOptions(databaseUrl, {
            logErrors: config.logLevel !== 'silent',
          }),
        ),
        AuditModule,
        PlacesModule,
        JobsModule,
        HealthModule,
        HubsModule,
        CitiesModule,
        PartnersModule,
        UsersModule,
        AuthModule,
        EngagementsModule,
        CommitmentsModule,
        FollowUpsModule,
        ContactLinksModule,
        OutcomesModule,
        StoriesModule,
        SearchModule,
        ImportsModule,
        DashboardModule,
        MailModule,
        NotificationsModule,
        RemindersModule,
        ...extraModules,
      ],
    };
  }
}
