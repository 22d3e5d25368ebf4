import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { Role } from '@impact/contracts';
import { loginResponse } from '../../testing/auth-fixtures';
import { translocoTesting } from '../../testing/transloco-testing';
import { AUTH_URLS, AuthService } from './auth.service';
import { CanDirective } from './can.directive';

@Component({
  imports: [CanDirective],
  template: `
    <button *itCan="'create'; on: 'engagements'" id="create">create</button>
    <button *itCan="'update'; on: 'commitments'; record: { hubIds: ['hub-9'], cityIds: ['city-1'] }" id="update">update</button>
    <a *itCan="'read'; on: 'users'" id="users">users</a>
  `,
})
class Host {}

async function render(role: Role) {
  localStorage.clear();
  TestBed.configureTestingModule({
    imports: [translocoTesting()],
    providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
  });
  jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
  TestBed.inject(AuthService).login('x@example.org', 'x').subscribe();
  TestBed.inject(HttpTestingController).expectOne(AUTH_URLS.login).flush(loginResponse(role));
  const fixture = TestBed.createComponent(Host);
  await fixture.whenStable();
  const el = fixture.nativeElement as HTMLElement;
  return { has: (id: string) => el.querySelector(`#${id}`) !== null, fixture };
}

describe('CanDirective', () => {
  it('shows everything to an admin', async () => {
    const { has } = await render('admin');
    expect([has('create'), has('update'), has('users')]).toEqual([true, true, true]);
  });

  it('follows the table and the record for a city liaison', async () => {
    const { has } = await render('city_liaison');
    expect([has('create'), has('update'), has('users')]).toEqual([false, true, false]);
  });

  it('hides writes from leadership', async () => {
    const { has } = await render('leadership');
    expect([has('create'), has('update'), has('users')]).toEqual([false, false, false]);
  });

  it('removes the content when the session ends', async () => {
    const { has, fixture } = await render('admin');
    TestBed.inject(AuthService).expire('/');
    fixture.detectChanges();
    await fixture.whenStable();
    expect(has('create')).toBe(false);
  });
});
