import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthController } from './auth.controller';
import { JwtAuthGuard, PermissionGuard } from './auth.guards';
import { AuthService } from './auth.service';
import { AuthUsersRepository } from './auth-users.repository';
import { JwtStrategy } from './jwt.strategy';
import { LoginLimiter } from './login-limiter';
import { UserEntity } from '../users/user.entity';
import { RefreshTokenEntity } from './refresh-token.entity';
import { RefreshTokensRepository } from './refresh-tokens.repository';

/**
 * Sign-in, tokens and the two global guards (JWT first, then the permission matrix).
 * Global so every domain module can use the scope helpers without importing it.
 */
@Global()
@Module({
  imports: [PassportModule, JwtModule.register({}), TypeOrmModule.forFeature([RefreshTokenEntity, UserEntity])],
  controllers: [AuthController],
  providers: [
    AuthService,
    AuthUsersRepository,
    RefreshTokensRepository,
    JwtStrategy,
    LoginLimiter,
    { provide: APP_GUARD, useClass: JwtAuthGuard },
    { provide: APP_GUARD, useClass: PermissionGuard },
  ],
  exports: [AuthService, AuthUsersRepository, RefreshTokensRepository, TypeOrmModule],
})
export class AuthModule {}
